import { poorPictureTests } from '../helpers/poor-picture.js';

poorPictureTests({
  scene: 'a card in the dark',
  guidance: 'dark',
  words: 'Too dark: move to a brighter place.',
  problem: 'dark',
  explanation: 'The photo is too dark',
});
