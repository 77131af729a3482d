import { poorPictureTests } from '../helpers/poor-picture.js';

poorPictureTests({
  scene: 'a card with glare on it',
  guidance: 'glare',
  words: 'Glare on the document: tilt it a little.',
  problem: 'glare',
  explanation: 'Light reflects on the document',
});
