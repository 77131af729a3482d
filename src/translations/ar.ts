// Arabic (Modern Standard Arabic, right to left). Counts take all six forms of
// Intl.PluralRules('ar'). Text from the server or the person (a title, a phone number, an e-mail
// address) is wrapped in Unicode isolates, so that left-to-right text keeps its order inside a
// right-to-left sentence. Loaded on demand.
import type { KycTranslation } from '../utilities/localize.js';

/** Isolates embedded text from the surrounding right-to-left sentence (FSI … PDI). */
const isolate = (text: string) => `\u2068${text}\u2069`;

/** Arabic terms of the onboarding widget. */
const translation = {
  $code: 'ar',
  $name: 'العربية',
  $dir: 'rtl',

  // General
  loading: 'جارٍ التحميل…',
  loadingSlow: 'يستغرق هذا وقتًا أطول من المعتاد. نواصل المحاولة.',
  stopWaiting: 'التوقف عن الانتظار',
  retry: 'إعادة المحاولة',
  back: 'رجوع',
  continue: 'متابعة',
  cancel: 'إلغاء',
  stepOf: (index, total, f) => `الخطوة ${f.number(index)} من ${f.number(total)}`,
  stepsLabel: 'خطوات الطلب',
  required: 'مطلوب',
  readOnly: 'لا يمكن تغييره',
  yes: 'نعم',
  no: 'لا',
  notAnswered: 'لم تتم الإجابة',
  saving: 'جارٍ الحفظ…',

  // Levels
  chooseLevelTitle: 'اختيار مستوى التحقق',
  chooseLevelIntro: 'يُرجى اختيار المستوى المناسب لاحتياجاتك، إذ يتطلب كل مستوى معلومات مختلفة.',
  currentLevel: (name) => `مستواك الحالي: ${isolate(name)}`,
  startVerification: 'بدء التحقق',
  notAllowedTitle: 'لا يمكن تقديم طلب جديد حاليًا',
  notAllowedBody: 'لا يمكن بدء عملية تحقق لحسابك في الوقت الحالي. إذا بدا لك أن في ذلك خطأً، فيُرجى التواصل مع فريق الدعم.',
  noLevels: 'لا تتوفر لك مستويات تحقق أخرى في الوقت الحالي.',
  unnamedLevel: (position, f) => `المستوى ${f.number(position)}`,

  // Review
  reviewTitle: 'مراجعة إجاباتك',
  reviewIntro: 'يُرجى التأكد من صحة جميع المعلومات قبل إرسال طلبك للمراجعة.',
  change: 'تغيير',
  changeAnswer: (question) => `تغيير «${isolate(question)}»`,
  sendForReview: 'إرسال للمراجعة',
  unsavedAnswers: 'لم يتم حفظ بعض الإجابات في هذه الخطوة بعد. اضغط على «متابعة» لحفظها، ثم أرسل طلبك.',

  // Statuses
  inReviewTitle: 'طلبك قيد المراجعة',
  inReviewBody: 'لا يستغرق ذلك عادةً وقتًا طويلًا. يمكنك مغادرة هذه الصفحة، وستظهر النتيجة هنا عند عودتك.',
  approvedTitle: 'تمت الموافقة على طلبك',
  approvedBody: 'شكرًا لك، فقد اكتمل التحقق. يمكنك الآن استخدام الخدمات التي تتطلبه.',
  pendingTitle: 'بعض الإجابات تحتاج إلى تصحيح',
  pendingBody: 'يُرجى تصحيح الإجابات المشار إليها أدناه، ثم إرسال الطلب للمراجعة مرة أخرى.',
  pendingBodyNoRemarks: 'يُرجى مراجعة إجاباتك في ضوء التعليق أدناه، وتعديل ما يلزم، ثم إرسال الطلب للمراجعة مرة أخرى.',
  reviewerComment: 'تعليق فريق المراجعة',
  remarksCount: (count, f) => {
    const n = f.number(count);
    return f.plural(count, {
      zero: 'لا توجد ملاحظات',
      one: 'ملاحظة واحدة',
      two: 'ملاحظتان',
      few: `${n} ملاحظات`,
      many: `${n} ملاحظةً`,
      other: `${n} ملاحظة`,
    });
  },
  rejectedTitle: 'لم تتم الموافقة على طلبك',
  rejectedBody: 'لم يعد من الممكن تعديل هذا الطلب. يمكنك تقديم طلب جديد إن رغبت في ذلك.',
  startNewApplication: 'تقديم طلب جديد',
  unknownStatusTitle: 'تعذّر عرض حالة طلبك',
  unknownStatusBody: (status) =>
    `حالة طلبك هي «${isolate(status)}»، ولا يمكن لهذه الصفحة عرضها. إجاباتك محفوظة. ` + 'يُرجى المحاولة لاحقًا أو التواصل مع فريق الدعم.',

  // Fields
  fieldRequired: 'يُرجى الإجابة عن هذا السؤال.',
  invalidEmail: 'يُرجى إدخال عنوان بريد إلكتروني بتنسيق صحيح، مثل name@example.com.',
  invalidPhone: 'يُرجى إدخال رقم الهاتف بالتنسيق الدولي، بدءًا بعلامة + ثم رمز البلد.',
  invalidDate: 'يُرجى إدخال تاريخ صحيح.',
  invalidNumber: 'يُرجى إدخال رقم.',
  invalidInteger: 'يُرجى إدخال عدد صحيح.',
  chooseOption: 'اختيار…',
  noMatches: 'لا توجد نتائج مطابقة',
  optionsAvailable: (count, f) => {
    const n = f.number(count);
    return f.plural(count, {
      zero: 'لا توجد نتائج',
      one: 'نتيجة واحدة',
      two: 'نتيجتان',
      few: `${n} نتائج`,
      many: `${n} نتيجةً`,
      other: `${n} نتيجة`,
    });
  },
  loadingOptions: 'جارٍ تحميل الخيارات…',
  acceptRequired: 'للمتابعة، يُرجى تأكيد قراءة هذه الوثيقة والموافقة عليها.',
  questionOptionsFailed: 'تعذّر تحميل خيارات هذا السؤال.',
  questionDocumentFailed: 'تعذّر تحميل الوثيقة.',
  questionDocumentUploaded: 'تم الرفع',
  questionVerificationNote: 'ملاحظة من عملية التحقق من الهوية',
  verificationProblem: 'لم يتمكن التحقق من الهوية من استخدام ما أُرسل هنا. يُرجى استبداله.',

  // Errors
  errorSummaryTitle: 'توجد مشكلة',
  errorSummaryItem: (question, message) => `${isolate(question)}: ${message}`,
  errorNetwork: 'تعذّر الاتصال. يُرجى التحقق من اتصالك بالإنترنت والمحاولة مرة أخرى. إجاباتك محفوظة.',
  errorTimeout: 'يستغرق الأمر وقتًا أطول من المتوقع. يُرجى المحاولة مرة أخرى. إجاباتك محفوظة.',
  errorUnauthorized: 'انتهت جلستك. يُرجى تسجيل الدخول مرة أخرى للمتابعة. الإجابات التي حُفظت من قبل لن تضيع.',
  errorHandoffLink:
    'انتهت صلاحية هذا الرابط أو استُخدم من قبل: يُفتح كل رابط مرة واحدة ولبضع دقائق. على حاسوبك، اختر «المتابعة على هاتفك» مرة أخرى للحصول على رابط جديد. الإجابات التي حُفظت من قبل لن تضيع.',
  errorForbidden: 'ليست لديك صلاحية الوصول إلى هذا الطلب. إذا بدا لك أن في ذلك خطأً، فيُرجى التواصل مع فريق الدعم.',
  errorNotFound: 'تعذّر العثور على المطلوب، وربما تمت إزالته. يُرجى إعادة تحميل الصفحة والمحاولة مرة أخرى.',
  errorConflict: 'لم يعد من الممكن تعديل هذا الطلب، كأن يكون قد أُرسل للمراجعة. يُرجى إعادة تحميل الصفحة لمعرفة حالته الحالية.',
  errorValidation: 'لم تُقبل بعض الإجابات. يُرجى تصحيح الإجابات المشار إليها والمحاولة مرة أخرى.',
  errorSignatureRequired: 'لحفظ هذا التغيير، يُرجى تأكيده برمز تحقق لمرة واحدة.',
  errorSignatureInvalid: 'الرمز غير صحيح أو انتهت صلاحيته. يُرجى التحقق منه أو طلب رمز جديد.',
  errorUploadRejected: 'تعذّر قبول هذا الملف. يُرجى اختيار ملف آخر، مثل صورة واضحة أو مستند ممسوح ضوئيًا بصيغة PDF.',
  errorRateLimited: (seconds, f) => {
    const n = f.number(seconds);
    const wait = f.plural(seconds, {
      one: 'ثانية واحدة',
      two: 'ثانيتين',
      few: `${n} ثوانٍ`,
      many: `${n} ثانيةً`,
      other: `${n} ثانية`,
    });
    return `محاولات كثيرة جدًا. يُرجى الانتظار لمدة ${wait} ثم المحاولة مرة أخرى.`;
  },
  errorRateLimitedMinutes: (minutes, f) => {
    const n = f.number(minutes);
    const wait = f.plural(minutes, {
      one: 'دقيقة واحدة',
      two: 'دقيقتين',
      few: `${n} دقائق`,
      many: `${n} دقيقةً`,
      other: `${n} دقيقة`,
    });
    return `محاولات كثيرة جدًا. يُرجى الانتظار لمدة ${wait} ثم المحاولة مرة أخرى.`;
  },
  errorServer: 'حدث خطأ من جهتنا. يُرجى المحاولة مرة أخرى بعد بضع دقائق. إجاباتك محفوظة.',
  errorMalformedResponse: 'تلقّينا ردًا تعذّرت قراءته. يُرجى المحاولة مرة أخرى. إجاباتك محفوظة.',
  errorUnknown: 'حدث خطأ غير متوقع. يُرجى المحاولة مرة أخرى، وإذا تكررت المشكلة، فيُرجى التواصل مع فريق الدعم.',

  // Legal documents
  documentVersion: (version) => `الإصدار ${isolate(version)}`,
  readFullDocument: 'قراءة الوثيقة كاملة',
  acceptDocument: (title) => `قرأتُ وثيقة «${isolate(title)}» وأوافق عليها`,
  acceptThisDocument: 'لقد قرأت هذا المستند وأوافق عليه',
  opensInNewTab: '(تُفتح في علامة تبويب جديدة)',

  // Signatures
  signTitle: 'التأكيد برمز تحقق لمرة واحدة',
  signIntro: 'حفاظًا على أمانك، سنرسل إليك رمز تحقق لمرة واحدة للتأكد من هويتك.',
  chooseProvider: 'طريقة استلام الرمز',
  providerSms: 'رسالة نصية (SMS)',
  providerEmail: 'البريد الإلكتروني',
  destinationPhoneLabel: 'رقم الهاتف المحمول',
  destinationEmailLabel: 'عنوان البريد الإلكتروني',
  sendCode: 'إرسال الرمز',
  codeSent: (destination) => `أرسلنا رمزًا إلى ${isolate(destination)}.`,
  codeLabel: 'رمز التحقق',
  codeHint: 'يُرجى إدخال الرمز الوارد في الرسالة، وقد يستغرق وصولها نحو دقيقة.',
  confirmCode: 'تأكيد',
  resendCode: 'إرسال رمز جديد',
  resendIn: (seconds, f) => {
    const n = f.number(seconds);
    const wait = f.plural(seconds, {
      one: 'ثانية واحدة',
      two: 'ثانيتين',
      few: `${n} ثوانٍ`,
      many: `${n} ثانيةً`,
      other: `${n} ثانية`,
    });
    return `يمكنك طلب رمز جديد بعد ${wait}.`;
  },
  codeSentAgain: 'أرسلنا إليك رمزًا جديدًا.',
  signaturePromptProgress: (index, total, f) => `الرمز ${f.number(index)} من ${f.number(total)}`,
  signaturePromptSendTo: (destination) => `سنرسل الرمز إلى ${isolate(destination)}.`,
  signaturePromptCodeFormat: (length, f) => {
    const n = f.number(length);
    const digits = f.plural(length, {
      one: 'رقم واحد',
      two: 'رقمين',
      few: `${n} أرقام`,
      many: `${n} رقمًا`,
      other: `${n} رقم`,
    });
    return `يُرجى إدخال الرمز المكوّن من ${digits}.`;
  },
  signaturePromptResendReady: 'يمكنك الآن طلب رمز جديد.',
  signaturePromptPhoneHint: `ابدأ بعلامة ${isolate('+')} ثم رمز الدولة، مثل ${isolate('+971 50 123 4567')}.`,

  // Documents
  fileChoose: 'اختيار ملف',
  fileChooseFor: (label) => `اختيار ملف: ${isolate(label)}`,
  fileAddPage: 'إضافة صفحة',
  fileAddPageFor: (label) => `إضافة صفحة: ${isolate(label)}`,
  fileReplace: 'استبدال',
  fileReplaceFor: (label) => `استبدال: ${isolate(label)}`,
  fileTakePhoto: 'التقاط صورة',
  fileTakePhotoFor: (label) => `التقاط صورة: ${isolate(label)}`,
  fileDropHint: 'أو اسحب الملف وأفلته هنا',
  filePageOf: (index, label, f) => `الصفحة ${f.number(index)} من ${isolate(label)}`,
  filePages: (count, f) => {
    const n = f.number(count);
    return f.plural(count, {
      one: 'صفحة واحدة',
      two: 'صفحتان',
      few: `${n} صفحات`,
      many: `${n} صفحةً`,
      other: `${n} صفحة`,
    });
  },
  fileChecking: 'جارٍ التحقق من الملف…',
  fileUploadingFor: (role) => `جارٍ الرفع: ${isolate(role)}`,
  fileCancel: 'إلغاء الرفع',
  fileRetry: 'إعادة الرفع',
  fileRetake: 'أعد التقاطها',
  fileRetakeFor: (role) => `أعد التقاط: ${isolate(role)}`,
  fileCancelFor: (role) => `إلغاء الرفع: ${isolate(role)}`,
  fileRetryFor: (role) => `إعادة الرفع: ${isolate(role)}`,
  fileUploadedFor: (role) => `تم الرفع: ${isolate(role)}`,
  fileTooManyPages: (count, f) => `يمكنك إضافة ${f.number(count)} صفحات كحد أقصى إلى هذا المستند.`,
  fileRemove: 'إزالة',
  fileRemoveFor: (role) => `إزالة: ${isolate(role)}`,
  fileEmpty: 'هذا الملف فارغ. يُرجى اختيار ملف آخر.',
  fileTooBig: (megabytes, f) => `يتجاوز حجم هذا الملف ${f.number(megabytes)} ميغابايت. يُرجى اختيار ملف أصغر أو التقاط صورة جديدة.`,
  fileUnsupported: 'نوع هذا الملف غير مقبول. يُرجى اختيار صورة (JPEG أو PNG أو HEIC أو WebP) أو ملف PDF.',
  fileMismatch: `محتوى هذا الملف لا يطابق اسمه (مثل ملف PDF يحمل الامتداد ${isolate('.jpg')}). يُرجى اختيار الملف الأصلي.`,
  fileCorrupted: 'هذا الملف تالف أو غير مكتمل. يُرجى اختيار ملف آخر.',
  fileUndecodable: 'تعذّر فتح هذه الصورة. يُرجى التقاط صورة جديدة أو اختيار ملف آخر.',
  fileTooManyPixels: 'هذه الصورة أكبر من أن تتم معالجتها. يُرجى اختيار صورة أصغر.',
  fileDuplicate: 'سبق رفع هذا الملف لهذا المستند. يُرجى اختيار ملف آخر.',
  fileTooMany: 'لم يعد من الممكن إضافة مزيد من الملفات إلى طلبك. يُرجى التواصل مع فريق الدعم.',
  fileUploadPending: 'يُرجى الانتظار حتى يكتمل الرفع.',
  fileProblemPending: 'يُرجى إزالة الملف الذي تعذّر استخدامه أو استبداله.',
  noBackSide: 'ليس لمستندي وجه خلفي',
  noBackSideHelp: 'ستُرسَل صورة الوجه الأمامي مرة أخرى بوصفها الوجه الخلفي.',
  noBackSideFrontAgain: 'يُرجى اختيار صورة الوجه الأمامي مرة أخرى، إذ ستُرسَل بوصفها الوجه الخلفي.',

  // Steps that later issues fill in
  livenessLoading: 'جارٍ تحميل التحقق من الحيوية…',
  livenessChecking: 'جارٍ التحقق من نتيجة فحص الحيوية…',
  livenessFailed: 'تعذّر تحميل التحقق من الحيوية أو توقف بسبب خطأ. يُرجى المحاولة مرة أخرى.',
  livenessOnPhone: 'أو أجرِ التحقق على هاتفك: امسح هذا الرمز أو افتح الرابط.',
  livenessQrLabel: 'رمز QR لرابط التحقق من الحيوية',
  livenessOpenLink: 'فتح التحقق في علامة تبويب جديدة',
  livenessOnThisDevice: 'أو أجرِ التحقق على صفحة Sumsub.',
  livenessOpenHere: 'افتح التحقق هنا',
  livenessDone: 'تم',
  livenessFrameTitle: 'التحقق من الحيوية من Sumsub',
  livenessLater: 'تحقق قصير بفيديو سيلفي باستخدام الكاميرا',
  livenessRequired: 'أجرِ التحقق من الحيوية للمتابعة.',

  // The welcome
  welcomeTitle: 'قبل أن تبدأ',
  welcomeIntro: 'نحتاج إلى تأكيد هويتك. هذا ما ستحتاج إليه:',
  needAnswers: 'بعض الإجابات عنك',
  needIdentityDocument: 'مستند هويتك، لتصويره أو رفعه',
  needProofOfAddress: 'إثبات عنوان من الأشهر الثلاثة الأخيرة، مثل فاتورة خدمات أو كشف حساب بنكي',
  needProofOfFunds: 'مستند يوضح مصدر أموالك، مثل كشف راتب',
  needOtherDocuments: 'المستندات الأخرى التي تطلبها الخطوات، لتصويرها أو رفعها',
  needPhone: 'هاتفك المحمول، لتلقي رموز التأكيد عبر الرسائل القصيرة',
  needEmail: 'الوصول إلى بريدك الإلكتروني، لتلقي رموز التأكيد',
  needCamera: 'جهاز مزوّد بكاميرا، لفيديو سيلفي قصير',
  welcomeTime: (minutes, f) =>
    f.plural(minutes, {
      one: 'يستغرق الأمر دقيقة واحدة تقريبًا.',
      two: 'يستغرق الأمر دقيقتين تقريبًا.',
      few: `يستغرق الأمر ${f.number(minutes)} دقائق تقريبًا.`,
      other: `يستغرق الأمر ${f.number(minutes)} دقيقة تقريبًا.`,
    }),
  welcomeResume: 'يمكنك التوقف في أي وقت: ما حفظته يبقى محفوظًا، ويمكنك المتابعة لاحقًا.',
  welcomePrivacy: 'كيف نستخدم بياناتك',
  welcomeStart: 'ابدأ',
  consentDefault: 'أوافق على معالجة بياناتي الشخصية ومستنداتي وفيديو لوجهي للتحقق من هويتي، كما تصف سياسة الخصوصية.',
  consentRequired: 'ضع علامة في المربع للموافقة قبل أن تبدأ.',

  // The review: what is required and not done
  notDone: 'لم يكتمل',
  complete: 'إكمال',
  completeAnswer: (question) => `إكمال ${question}`,
  reviewMissingTitle: (count, f) =>
    f.plural(count, {
      one: 'بند مطلوب واحد لم يكتمل بعد. أكمله لإرسال طلبك:',
      two: 'بندان مطلوبان لم يكتملا بعد. أكملهما لإرسال طلبك:',
      few: `${f.number(count)} بنود مطلوبة لم تكتمل بعد. أكملها لإرسال طلبك:`,
      many: `${f.number(count)} بندًا مطلوبًا لم يكتمل بعد. أكملها لإرسال طلبك:`,
      other: `${f.number(count)} بند مطلوب لم يكتمل بعد. أكملها لإرسال طلبك:`,
    }),

  // A stored document the identity check could not use
  documentNoteSaved:
    'تم حفظ مستندك، لكن لدى التحقق من الهوية ملاحظة عليه (معروضة بجانبه). يمكنك اختيار ملف آخر، أو الضغط على «متابعة» للمتابعة.',
  fileStoredWithNote: 'تم الرفع، مع ملاحظة من التحقق من الهوية',

  // A photo's quality checks
  qualityResolution: 'الصورة قليلة البكسلات: اقترب أكثر، أو استخدم الدقة الكاملة للكاميرا.',
  qualityCutOff: 'جزء من المستند مقطوع: أظهر الزوايا الأربع.',
  qualityTooSmall: 'المستند صغير جدًا في الصورة: اقترب حتى يملأ الإطار.',
  qualityBlur: 'الصورة ضبابية: ثبّت المستند والكاميرا، ثم التقطها مرة أخرى.',
  qualityDark: 'الصورة مظلمة جدًا: انتقل إلى مكان أكثر إضاءة.',
  qualityBright: 'الصورة مفرطة الإضاءة: ابتعد عن الضوء المباشر.',
  qualityGlare: 'ينعكس الضوء على المستند: أمِله قليلًا، أو أطفئ الفلاش.',
  qualityMaySend: 'يمكنك إرسالها كما هي، لكن قد تُرفض.',
  qualityExample: 'مثال لصورة جيدة: المستند كاملًا في الصورة، مستقيمًا وواضحًا وبإضاءة متساوية',
  qualityExampleCaption: 'تُظهر الصورة الجيدة المستند كاملًا مع هامش صغير حوله، وكل كلمة واضحة، دون انعكاسات.',

  // The document camera
  captureTitle: (label) => `صورة: ${isolate(label)}`,
  captureReviewTitle: (label) => `تحقق من الصورة: ${isolate(label)}`,
  captureInstructions:
    'ضع المستند على سطح داكن وسادة في إضاءة جيدة وأمسك الكاميرا فوقه. تُلتقط الصورة تلقائيًا عندما يكون المستند داخل الإطار وواضحًا.',
  captureStarting: 'جارٍ تشغيل الكاميرا…',
  captureDark: 'مظلم جدًا: انتقل إلى مكان أكثر إضاءة.',
  captureBright: 'ساطع جدًا: ابتعد عن الضوء المباشر.',
  captureGlare: 'انعكاس على المستند: أمِله قليلًا.',
  captureFit: 'ابتعد قليلًا: يجب أن يكون المستند كله داخل الإطار.',
  captureCloser: 'اقترب: يجب أن يملأ المستند الإطار.',
  captureStill: 'اثبت.',
  captureBlur: 'اثبت: الصورة ليست واضحة بعد.',
  captureReady: 'جيد. اثبت…',
  captureShutter: 'التقط الصورة',
  captureShutterFor: (label) => `التقط الصورة: ${isolate(label)}`,
  captureClose: 'أغلق الكاميرا',
  capturePreviewLabel: (label) => `الصورة الملتقطة: ${isolate(label)}`,
  captureReviewHint: 'تحقق من أن المستند كله في الصورة وأن كل كلمة مقروءة.',
  captureUse: 'استخدم هذه الصورة',
  captureUseAnyway: 'استخدمها على أي حال',
  captureRetake: 'أعد التقاطها',
  captureRefused: 'لا يمكن استخدام هذه الصورة: يُرجى إعادة التقاطها.',
  captureNextSide: (label) => `الآن: ${isolate(label)}.`,
  captureCameraRefused:
    'لا يُسمح باستخدام الكاميرا في هذه الصفحة. اختر صورة أو ملفًا بدلًا من ذلك، أو اسمح بالكاميرا في إعدادات المتصفح وحاول مرة أخرى.',
  captureCameraMissing: 'لم يُعثر على كاميرا. اختر صورة أو ملفًا بدلًا من ذلك.',
  captureCameraBusy: 'تطبيق آخر يستخدم الكاميرا. أغلقه وحاول مرة أخرى، أو اختر ملفًا بدلًا من ذلك.',
  captureChooseFile: 'اختر ملفًا بدلًا من ذلك',
  captureTryAgain: 'جرّب الكاميرا مرة أخرى',
  captureOpen: 'افتح الكاميرا',

  // The hand-off to a phone
  handoffStart: 'المتابعة على هاتفك',
  handoffTitle: 'المتابعة على هاتفك',
  handoffBody:
    'امسح هذا الرمز بكاميرا هاتفك، أو افتح الرابط على هاتفك. التقط الصور هناك: ستتابع هذه الصفحة تلقائيًا بعد إرسالها. يعمل الرابط مرة واحدة، لمدة 10 دقائق.',
  handoffQrLabel: 'رمز QR لرابط المتابعة على هاتفك',
  handoffLink: 'الرابط الذي تفتحه على هاتفك',
  handoffWaiting: 'في انتظار المستندات من هاتفك…',
  handoffStop: 'المتابعة هنا بدلًا من ذلك',
  handoffExpired: 'انتهت صلاحية الرابط ولم يعد من الممكن فتحه. إذا فتحه هاتفك في الوقت المناسب فتابع هناك، وإلا فأنشئ رابطًا جديدًا.',
  handoffNewLink: 'إنشاء رابط جديد',

  // The guide's attribute keys
  guidePassport: 'جواز السفر',
  guidePassportHelp: 'صورة أو مسح ضوئي للصفحة التي تحمل صورتك، مع ظهور الزوايا الأربع.',
  guideIdCardFront: 'بطاقة الهوية: الوجه الأمامي',
  guideIdCardBack: 'بطاقة الهوية: الوجه الخلفي',
  guideDriverLicenseFront: 'رخصة القيادة: الوجه الأمامي',
  guideDriverLicenseBack: 'رخصة القيادة: الوجه الخلفي',
  guideResidencePermitFront: 'تصريح الإقامة: الوجه الأمامي',
  guideResidencePermitBack: 'تصريح الإقامة: الوجه الخلفي',
  guideFrontHelp: 'الوجه الذي يحمل صورتك.',
  guideBackHelp: 'الوجه الآخر من المستند نفسه.',
  guideProofOfAddress: 'إثبات العنوان',
  guideProofOfAddressHelp: 'فاتورة خدمات أو كشف حساب بنكي أو خطاب رسمي من الأشهر الثلاثة الأخيرة، يظهر فيه اسمك وعنوانك.',
  guideProofOfFunds: 'إثبات مصدر الأموال',
  guideProofOfFundsHelp: 'مستند يوضح مصدر أموالك، مثل كشف راتب أو كشف حساب بنكي أو عقد بيع.',
  guideLiveness: 'التحقق من الحيوية',
  guideLivenessHelp: 'فيديو سيلفي قصير بالكاميرا، لتأكيد أنك الشخص الموجود في مستنداتك.',
  guideLivenessLink: 'رابط التحقق من الحيوية',
  guideLivenessLinkHelp: 'افتحه على جهاز مزوّد بكاميرا لإجراء التحقق.',
} satisfies KycTranslation;

export default translation;
