import { poorPictureTests } from '../helpers/poor-picture.js';

poorPictureTests({
  scene: 'a card far from the camera',
  guidance: 'closer',
  words: 'Move closer: the document should fill the frame.',
  problem: 'too-small',
  explanation: 'The document is too small in the photo',
});
