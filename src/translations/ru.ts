// Russian (polite "вы"). Counts take the one / few / many forms of Intl.PluralRules('ru')
// (1, 21 → one; 2–4, 22 → few; 5–20, 25 → many); `other` (fractions) takes the genitive singular.
// Loaded on demand.
import type { KycTranslation } from '../utilities/localize.js';

/** Russian terms of the onboarding widget. */
const translation = {
  $code: 'ru',
  $name: 'Русский',
  $dir: 'ltr',

  // General
  loading: 'Загрузка…',
  loadingSlow: 'Это занимает больше времени, чем обычно. Мы продолжаем попытки.',
  stopWaiting: 'Не ждать',
  retry: 'Попробовать ещё раз',
  back: 'Назад',
  continue: 'Продолжить',
  cancel: 'Отмена',
  stepOf: (index, total, f) => `Шаг ${f.number(index)} из ${f.number(total)}`,
  stepsLabel: 'Шаги заявки',
  required: 'обязательно',
  readOnly: 'Нельзя изменить',
  yes: 'Да',
  no: 'Нет',
  notAnswered: 'Нет ответа',
  saving: 'Сохранение…',

  // Levels
  chooseLevelTitle: 'Выберите уровень верификации',
  chooseLevelIntro: 'Выберите уровень, который подходит для ваших целей. Для каждого уровня нужны разные сведения.',
  currentLevel: (name) => `Ваш текущий уровень: ${name}`,
  startVerification: 'Начать верификацию',
  notAllowedTitle: 'Сейчас нельзя подать новую заявку',
  notAllowedBody:
    'Для вашей учётной записи сейчас нельзя начать верификацию. ' + 'Если вы считаете, что это ошибка, обратитесь в службу поддержки.',
  noLevels: 'Сейчас для вас нет других доступных уровней верификации.',
  unnamedLevel: (position, f) => `Уровень ${f.number(position)}`,

  // Review
  reviewTitle: 'Проверьте ответы',
  reviewIntro: 'Убедитесь, что всё указано верно, прежде чем отправлять заявку на проверку.',
  change: 'Изменить',
  changeAnswer: (question) => `Изменить «${question}»`,
  sendForReview: 'Отправить на проверку',
  unsavedAnswers: 'Некоторые ответы на этом шаге ещё не сохранены. Нажмите «Продолжить», чтобы сохранить их, а затем отправьте заявку.',

  // Statuses
  inReviewTitle: 'Ваша заявка на проверке',
  inReviewBody: 'Обычно это не занимает много времени. Эту страницу можно закрыть: результат появится здесь, когда вы вернётесь.',
  approvedTitle: 'Ваша заявка одобрена',
  approvedBody: 'Спасибо, верификация пройдена. Теперь вам доступны услуги, для которых она нужна.',
  pendingTitle: 'Некоторые ответы нужно исправить',
  pendingBody: 'Исправьте отмеченные ниже ответы и снова отправьте заявку на проверку.',
  pendingBodyNoRemarks: 'Проверьте свои ответы с учётом комментария ниже, исправьте что нужно и снова отправьте заявку на проверку.',
  reviewerComment: 'Комментарий по итогам проверки',
  remarksCount: (count, f) => {
    const n = f.number(count);
    return f.plural(count, { one: `${n} замечание`, few: `${n} замечания`, many: `${n} замечаний`, other: `${n} замечания` });
  },
  rejectedTitle: 'Ваша заявка не одобрена',
  rejectedBody: 'Эту заявку больше нельзя изменить. При желании вы можете подать новую.',
  startNewApplication: 'Подать новую заявку',
  unknownStatusTitle: 'Не удаётся показать статус заявки',
  unknownStatusBody: (status) =>
    `У вашей заявки статус «${status}», который эта страница не может показать. Ваши ответы сохранены. ` +
    'Попробуйте позже или обратитесь в службу поддержки.',

  // Fields
  fieldRequired: 'Ответьте на этот вопрос.',
  invalidEmail: 'Введите адрес электронной почты в правильном формате, например name@example.com.',
  invalidPhone: 'Введите номер в международном формате: со знаком + и кодом страны.',
  invalidDate: 'Введите корректную дату.',
  invalidNumber: 'Введите число.',
  invalidInteger: 'Введите целое число.',
  chooseOption: 'Выберите…',
  noMatches: 'Ничего не найдено',
  optionsAvailable: (count, f) => {
    const n = f.number(count);
    return count === 0
      ? 'Нет результатов'
      : f.plural(count, { one: `${n} результат`, few: `${n} результата`, many: `${n} результатов`, other: `${n} результата` });
  },
  loadingOptions: 'Загрузка вариантов…',
  acceptRequired: 'Чтобы продолжить, подтвердите, что прочитали и принимаете этот документ.',
  questionOptionsFailed: 'Не удалось загрузить варианты ответа на этот вопрос.',
  questionDocumentFailed: 'Не удалось загрузить документ.',
  questionDocumentUploaded: 'Загружено',
  questionVerificationNote: 'Примечание по итогам проверки личности',
  verificationProblem: 'Проверка личности не смогла использовать то, что было отправлено здесь. Пожалуйста, замените это.',

  // Errors
  errorSummaryTitle: 'Возникла проблема',
  errorSummaryItem: (question, message) => `${question}: ${message}`,
  errorNetwork: 'Нет соединения. Проверьте подключение к интернету и попробуйте ещё раз. Ваши ответы сохранены.',
  errorTimeout: 'Это занимает больше времени, чем обычно. Попробуйте ещё раз. Ваши ответы сохранены.',
  errorUnauthorized: 'Сеанс истёк. Войдите снова, чтобы продолжить. Уже сохранённые ответы не потеряются.',
  errorHandoffLink:
    'Срок действия ссылки истёк, или она уже использована: каждая ссылка открывается один раз и только несколько минут. На компьютере снова выберите «Продолжить на телефоне», чтобы получить новую. Уже сохранённые ответы не потеряются.',
  errorForbidden: 'У вас нет доступа к этой заявке. Если вы считаете, что это ошибка, обратитесь в службу поддержки.',
  errorNotFound: 'Запрошенные данные не найдены — возможно, их удалили. Обновите страницу и попробуйте ещё раз.',
  errorConflict:
    'Эту заявку больше нельзя изменить — например, потому что она уже отправлена на проверку. ' +
    'Обновите страницу, чтобы увидеть её текущий статус.',
  errorValidation: 'Некоторые ответы не приняты. Исправьте отмеченные ответы и попробуйте ещё раз.',
  errorSignatureRequired: 'Чтобы сохранить изменение, подтвердите его одноразовым кодом.',
  errorSignatureInvalid: 'Код неверный или истёк. Проверьте его или запросите новый.',
  errorUploadRejected: 'Не удалось принять этот файл. Выберите другой — например, чёткую фотографию или скан в формате PDF.',
  errorRateLimited: (seconds, f) => {
    const n = f.number(seconds);
    const wait = f.plural(seconds, { one: `${n} секунду`, few: `${n} секунды`, many: `${n} секунд`, other: `${n} секунды` });
    return `Слишком много попыток. Подождите ${wait} и попробуйте снова.`;
  },
  errorRateLimitedMinutes: (minutes, f) => {
    const n = f.number(minutes);
    const wait = f.plural(minutes, { one: `${n} минуту`, few: `${n} минуты`, many: `${n} минут`, other: `${n} минуты` });
    return `Слишком много попыток. Подождите ${wait} и попробуйте снова.`;
  },
  errorServer: 'На нашей стороне произошёл сбой. Попробуйте ещё раз через несколько минут. Ваши ответы сохранены.',
  errorMalformedResponse: 'Получен ответ, который не удалось прочитать. Попробуйте ещё раз. Ваши ответы сохранены.',
  errorUnknown: 'Произошла непредвиденная ошибка. Попробуйте ещё раз. Если ошибка повторится, обратитесь в службу поддержки.',

  // Legal documents
  documentVersion: (version) => `Версия ${version}`,
  readFullDocument: 'Прочитать документ полностью',
  acceptDocument: (title) => `Я прочитал(а) и принимаю документ «${title}»`,
  acceptThisDocument: 'Я прочитал(а) этот документ и принимаю его',
  opensInNewTab: '(откроется в новой вкладке)',

  // Signatures
  signTitle: 'Подтвердите одноразовым кодом',
  signIntro: 'Для вашей безопасности мы отправим одноразовый код, чтобы убедиться, что это действительно вы.',
  chooseProvider: 'Как вы хотите получить код?',
  providerSms: 'SMS',
  providerEmail: 'Электронная почта',
  destinationPhoneLabel: 'Номер мобильного телефона',
  destinationEmailLabel: 'Адрес электронной почты',
  sendCode: 'Отправить код',
  codeSent: (destination) => `Мы отправили код на ${destination}.`,
  codeLabel: 'Одноразовый код',
  codeHint: 'Введите код из сообщения. Сообщение может прийти в течение минуты.',
  confirmCode: 'Подтвердить',
  resendCode: 'Отправить новый код',
  resendIn: (seconds, f) => {
    const n = f.number(seconds);
    const wait = f.plural(seconds, { one: `${n} секунду`, few: `${n} секунды`, many: `${n} секунд`, other: `${n} секунды` });
    return `Запросить новый код можно через ${wait}.`;
  },
  codeSentAgain: 'Мы отправили вам новый код.',
  signaturePromptProgress: (index, total, f) => `Код ${f.number(index)} из ${f.number(total)}`,
  signaturePromptSendTo: (destination) => `Мы отправим код на ${destination}.`,
  signaturePromptCodeFormat: (length, f) => {
    const n = f.number(length);
    const digits = f.plural(length, { one: `${n} цифры`, few: `${n} цифр`, many: `${n} цифр`, other: `${n} цифры` });
    return `Введите код из ${digits}.`;
  },
  signaturePromptResendReady: 'Теперь можно запросить новый код.',
  signaturePromptPhoneHint: 'Начните с + и кода страны, например +7 912 345-67-89.',

  // Documents
  fileChoose: 'Выбрать файл',
  fileChooseFor: (label) => `Выбрать файл: ${label}`,
  fileAddPage: 'Добавить страницу',
  fileAddPageFor: (label) => `Добавить страницу: ${label}`,
  fileReplace: 'Заменить',
  fileReplaceFor: (label) => `Заменить: ${label}`,
  fileTakePhoto: 'Сделать фото',
  fileTakePhotoFor: (label) => `Сделать фото: ${label}`,
  fileDropHint: 'или перетащите файл сюда',
  filePageOf: (index, label, f) => `${label}, страница ${f.number(index)}`,
  filePages: (count, f) => {
    const n = f.number(count);
    return f.plural(count, { one: `${n} страница`, few: `${n} страницы`, many: `${n} страниц`, other: `${n} страницы` });
  },
  fileChecking: 'Проверка файла…',
  fileUploadingFor: (role) => `Загрузка: ${role}`,
  fileCancel: 'Отменить загрузку',
  fileRetry: 'Загрузить ещё раз',
  fileRetake: 'Переснять',
  fileRetakeFor: (role) => `Переснять: ${role}`,
  fileCancelFor: (role) => `Отменить загрузку: ${role}`,
  fileRetryFor: (role) => `Загрузить ещё раз: ${role}`,
  fileUploadedFor: (role) => `Загружено: ${role}`,
  fileTooManyPages: (count, f) => `К этому документу можно добавить не более ${f.number(count)} страниц.`,
  fileRemove: 'Удалить',
  fileRemoveFor: (role) => `Удалить: ${role}`,
  fileEmpty: 'Этот файл пустой. Выберите другой.',
  fileTooBig: (megabytes, f) => `Этот файл больше ${f.number(megabytes)} МБ. Выберите файл поменьше или сделайте новое фото.`,
  fileUnsupported: 'Файлы такого типа не принимаются. Выберите фотографию (JPEG, PNG, HEIC или WebP) или PDF.',
  fileMismatch: 'Содержимое файла не соответствует его названию (например, это PDF с расширением .jpg). Выберите исходный файл.',
  fileCorrupted: 'Этот файл повреждён или сохранён не полностью. Выберите другой.',
  fileUndecodable: 'Не удаётся открыть это изображение. Сделайте новое фото или выберите другой файл.',
  fileTooManyPixels: 'Это изображение слишком большое для обработки. Выберите изображение поменьше.',
  fileDuplicate: 'Этот файл уже загружен для этого документа. Выберите другой.',
  fileTooMany: 'В вашу заявку больше нельзя добавить файлы. Обратитесь в службу поддержки.',
  fileUploadPending: 'Дождитесь окончания загрузки.',
  fileProblemPending: 'Удалите или замените файл, который не удалось использовать.',
  noBackSide: 'У моего документа нет оборотной стороны',
  noBackSideHelp: 'Фото лицевой стороны будет отправлено ещё раз как оборотная сторона.',
  noBackSideFrontAgain: 'Выберите фото лицевой стороны ещё раз: оно будет отправлено как оборотная сторона.',

  // Steps that later issues fill in
  livenessLoading: 'Загружается проверка «живости»…',
  livenessChecking: 'Проверяем результат проверки «живости»…',
  livenessFailed: 'Не удалось загрузить проверку «живости», или она завершилась с ошибкой. Попробуйте ещё раз.',
  livenessOnPhone: 'Или пройдите проверку на телефоне: отсканируйте этот код или откройте ссылку.',
  livenessQrLabel: 'QR-код ссылки на проверку «живости»',
  livenessOpenLink: 'Открыть проверку в новой вкладке',
  livenessOnThisDevice: 'Или пройдите проверку на странице Sumsub.',
  livenessOpenHere: 'Открыть проверку здесь',
  livenessDone: 'Пройдена',
  livenessFrameTitle: 'Проверка «живости» от Sumsub',
  livenessLater: 'Короткая видеопроверка с селфи через камеру',
  livenessRequired: 'Пройдите проверку «живости», чтобы продолжить.',

  // The welcome
  welcomeTitle: 'Прежде чем начать',
  welcomeIntro: 'Нам нужно подтвердить вашу личность. Вот что понадобится:',
  needAnswers: 'Несколько ответов о вас',
  needIdentityDocument: 'Документ, удостоверяющий личность, — чтобы сфотографировать или загрузить его',
  needProofOfAddress: 'Подтверждение адреса не старше трёх месяцев, например счёт за коммунальные услуги или банковская выписка',
  needProofOfFunds: 'Документ, показывающий происхождение ваших средств, например расчётный листок',
  needOtherDocuments: 'Другие документы, которые запрашивают шаги, — чтобы сфотографировать или загрузить их',
  needPhone: 'Мобильный телефон — для кодов подтверждения по SMS',
  needEmail: 'Доступ к электронной почте — для кодов подтверждения',
  needCamera: 'Устройство с камерой — для короткого селфи-видео',
  welcomeTime: (minutes, f) =>
    f.plural(minutes, {
      one: `Это займёт около ${f.number(minutes)} минуты.`,
      few: `Это займёт около ${f.number(minutes)} минут.`,
      many: `Это займёт около ${f.number(minutes)} минут.`,
      other: `Это займёт около ${f.number(minutes)} минуты.`,
    }),
  welcomeResume: 'Можно остановиться в любой момент: сохранённое не потеряется, и вы сможете продолжить позже.',
  welcomePrivacy: 'Как мы используем ваши данные',
  welcomeStart: 'Начать',
  consentDefault:
    'Я согласен(на) на обработку моих персональных данных, документов и видео моего лица для проверки личности, как описано в политике конфиденциальности.',
  consentRequired: 'Отметьте флажок, чтобы дать согласие, прежде чем начать.',

  // The review: what is required and not done
  notDone: 'Не выполнено',
  complete: 'Заполнить',
  completeAnswer: (question) => `Заполнить: ${question}`,
  reviewMissingTitle: (count, f) =>
    f.plural(count, {
      one: `${f.number(count)} обязательный пункт ещё не выполнен. Выполните его, чтобы отправить заявку:`,
      few: `${f.number(count)} обязательных пункта ещё не выполнены. Выполните их, чтобы отправить заявку:`,
      many: `${f.number(count)} обязательных пунктов ещё не выполнены. Выполните их, чтобы отправить заявку:`,
      other: `${f.number(count)} обязательного пункта ещё не выполнены. Выполните их, чтобы отправить заявку:`,
    }),

  // A stored document the identity check could not use
  documentNoteSaved:
    'Документ сохранён, но у проверки личности есть замечание к нему (показано рядом). Можно выбрать другой файл или нажать «Продолжить».',
  fileStoredWithNote: 'Загружено, есть замечание проверки личности',

  // A photo's quality checks
  qualityResolution: 'На фото слишком мало пикселей: подойдите ближе или снимайте в полном разрешении камеры.',
  qualityCutOff: 'Часть документа обрезана: покажите все четыре угла.',
  qualityTooSmall: 'Документ на фото слишком мал: подойдите ближе, чтобы он заполнил кадр.',
  qualityBlur: 'Фото размыто: держите документ и камеру неподвижно и снимите ещё раз.',
  qualityDark: 'Фото слишком тёмное: перейдите в более светлое место.',
  qualityBright: 'Фото пересвечено: уйдите от прямого света.',
  qualityGlare: 'На документе блик: слегка наклоните его или выключите вспышку.',
  qualityMaySend: 'Можно отправить так, но фото могут отклонить.',
  qualityExample: 'Пример хорошего фото: документ целиком в кадре, ровно, резко и при равномерном свете',
  qualityExampleCaption: 'На хорошем фото виден весь документ с небольшим полем вокруг, каждое слово резкое, без бликов.',

  // The document camera
  captureTitle: (label) => `Фото: ${label}`,
  captureReviewTitle: (label) => `Проверьте фото: ${label}`,
  captureInstructions:
    'Положите документ на тёмную однотонную поверхность при хорошем свете и держите камеру над ним. Фото будет сделано само, когда документ окажется в рамке и станет резким.',
  captureStarting: 'Запускаем камеру…',
  captureDark: 'Слишком темно: перейдите в место посветлее.',
  captureBright: 'Слишком светло: уйдите от прямого света.',
  captureGlare: 'Блик на документе: немного наклоните его.',
  captureFit: 'Отодвиньтесь: весь документ должен быть в рамке.',
  captureCloser: 'Поднесите ближе: документ должен заполнить рамку.',
  captureStill: 'Не двигайтесь.',
  captureBlur: 'Не двигайтесь: изображение ещё нерезкое.',
  captureReady: 'Хорошо. Не двигайтесь…',
  captureShutter: 'Сделать фото',
  captureShutterFor: (label) => `Сделать фото: ${label}`,
  captureClose: 'Закрыть камеру',
  capturePreviewLabel: (label) => `Сделанное фото: ${label}`,
  captureReviewHint: 'Проверьте, что документ виден целиком и каждое слово можно прочитать.',
  captureUse: 'Использовать это фото',
  captureUseAnyway: 'Всё равно использовать',
  captureRetake: 'Переснять',
  captureRefused: 'Это фото нельзя использовать: пожалуйста, переснимите его.',
  captureNextSide: (label) => `Теперь: ${label}.`,
  captureCameraRefused:
    'На этой странице нельзя использовать камеру. Выберите фото или файл либо разрешите камеру в настройках браузера и попробуйте снова.',
  captureCameraMissing: 'Камера не найдена. Выберите фото или файл.',
  captureCameraBusy: 'Камера занята другим приложением. Закройте его и попробуйте снова или выберите файл.',
  captureChooseFile: 'Выбрать файл',
  captureTryAgain: 'Попробовать камеру снова',
  captureOpen: 'Открыть камеру',

  // The hand-off to a phone
  handoffStart: 'Продолжить на телефоне',
  handoffTitle: 'Продолжить на телефоне',
  handoffBody:
    'Отсканируйте этот код камерой телефона или откройте ссылку на телефоне. Сделайте фото там: эта страница продолжит сама, когда они будут отправлены. Ссылка работает один раз, 10 минут.',
  handoffQrLabel: 'QR-код ссылки для продолжения на телефоне',
  handoffLink: 'Ссылка, которую нужно открыть на телефоне',
  handoffWaiting: 'Ждём документы с вашего телефона…',
  handoffStop: 'Продолжить здесь',
  handoffExpired:
    'Срок действия ссылки истёк: её больше нельзя открыть. Если телефон успел её открыть, продолжайте там; иначе создайте новую ссылку.',
  handoffNewLink: 'Создать новую ссылку',

  // The guide's attribute keys
  guidePassport: 'Паспорт',
  guidePassportHelp: 'Фото или скан страницы с вашей фотографией; все четыре угла должны быть видны.',
  guideIdCardFront: 'Удостоверение личности: лицевая сторона',
  guideIdCardBack: 'Удостоверение личности: оборотная сторона',
  guideDriverLicenseFront: 'Водительское удостоверение: лицевая сторона',
  guideDriverLicenseBack: 'Водительское удостоверение: оборотная сторона',
  guideResidencePermitFront: 'Вид на жительство: лицевая сторона',
  guideResidencePermitBack: 'Вид на жительство: оборотная сторона',
  guideFrontHelp: 'Сторона с вашей фотографией.',
  guideBackHelp: 'Другая сторона того же документа.',
  guideProofOfAddress: 'Подтверждение адреса',
  guideProofOfAddressHelp:
    'Счёт за коммунальные услуги, банковская выписка или официальное письмо не старше трёх месяцев с вашим именем и адресом.',
  guideProofOfFunds: 'Подтверждение происхождения средств',
  guideProofOfFundsHelp:
    'Документ, показывающий, откуда ваши деньги: например, расчётный листок, банковская выписка или договор купли-продажи.',
  guideLiveness: 'Проверка «живости»',
  guideLivenessHelp: 'Короткое селфи-видео с камеры, подтверждающее, что вы — человек из ваших документов.',
  guideLivenessLink: 'Ссылка на проверку «живости»',
  guideLivenessLinkHelp: 'Откройте её на устройстве с камерой, чтобы пройти проверку.',
} satisfies KycTranslation;

export default translation;
