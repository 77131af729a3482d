import { poorPictureTests } from '../helpers/poor-picture.js';

poorPictureTests({
  scene: 'a blurred card in the frame',
  guidance: 'blur',
  words: 'Hold still: the picture is not sharp yet.',
  problem: 'blur',
  explanation: 'The photo is blurred',
});
