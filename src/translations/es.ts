// Spanish (neutral international Spanish, formal "usted"). Loaded on demand.
import type { KycTranslation } from '../utilities/localize.js';

/** Spanish terms of the onboarding widget. */
const translation = {
  $code: 'es',
  $name: 'Español',
  $dir: 'ltr',

  // General
  loading: 'Cargando…',
  loadingSlow: 'Esto está tardando más de lo habitual. Seguimos intentándolo.',
  stopWaiting: 'Dejar de esperar',
  retry: 'Intentar de nuevo',
  back: 'Atrás',
  continue: 'Continuar',
  cancel: 'Cancelar',
  stepOf: (index, total, f) => `Paso ${f.number(index)} de ${f.number(total)}`,
  stepsLabel: 'Pasos de la solicitud',
  required: 'obligatorio',
  readOnly: 'No se puede modificar',
  yes: 'Sí',
  no: 'No',
  notAnswered: 'Sin responder',
  saving: 'Guardando…',

  // Levels
  chooseLevelTitle: 'Elija un nivel de verificación',
  chooseLevelIntro: 'Elija el nivel que corresponda a lo que quiere hacer. Cada nivel solicita información diferente.',
  currentLevel: (name) => `Su nivel actual: ${name}`,
  startVerification: 'Iniciar la verificación',
  notAllowedTitle: 'En este momento no puede iniciar una nueva solicitud',
  notAllowedBody:
    'Su cuenta no puede iniciar una verificación en este momento. ' +
    'Si cree que se trata de un error, póngase en contacto con el servicio de asistencia.',
  noLevels: 'En este momento no tiene disponible ningún otro nivel de verificación.',
  unnamedLevel: (position, f) => `Nivel ${f.number(position)}`,

  // Review
  reviewTitle: 'Revise sus respuestas',
  reviewIntro: 'Compruebe que todo es correcto antes de enviar su solicitud a revisión.',
  change: 'Cambiar',
  changeAnswer: (question) => `Cambiar «${question}»`,
  sendForReview: 'Enviar a revisión',
  unsavedAnswers: 'Algunas respuestas de este paso aún no se han guardado. Pulse «Continuar» para guardarlas y después envíe su solicitud.',

  // Statuses
  inReviewTitle: 'Estamos revisando su solicitud',
  inReviewBody: 'Normalmente no tarda mucho. Puede salir de esta página: el resultado aparecerá aquí cuando vuelva.',
  approvedTitle: 'Su solicitud ha sido aprobada',
  approvedBody: 'Gracias, su verificación se ha completado. Ya puede usar los servicios que la requieren.',
  pendingTitle: 'Hay respuestas que deben corregirse',
  pendingBody: 'Corrija las respuestas marcadas a continuación y vuelva a enviar su solicitud a revisión.',
  pendingBodyNoRemarks:
    'Revise sus respuestas según el comentario de abajo, cambie lo necesario y vuelva a enviar su solicitud a revisión.',
  reviewerComment: 'Comentario del equipo de revisión',
  remarksCount: (count, f) => f.plural(count, { one: `${f.number(count)} observación`, other: `${f.number(count)} observaciones` }),
  rejectedTitle: 'Su solicitud no ha sido aprobada',
  rejectedBody: 'Esta solicitud ya no se puede modificar. Si lo desea, puede iniciar una nueva.',
  startNewApplication: 'Iniciar una nueva solicitud',
  unknownStatusTitle: 'No podemos mostrar el estado de su solicitud',
  unknownStatusBody: (status) =>
    `Su solicitud tiene el estado «${status}», que esta página no puede mostrar. Sus respuestas se conservan. ` +
    'Inténtelo de nuevo más tarde o póngase en contacto con el servicio de asistencia.',

  // Fields
  fieldRequired: 'Responda a esta pregunta.',
  invalidEmail: 'Introduzca un correo electrónico con un formato válido, por ejemplo nombre@example.com.',
  invalidPhone: 'Introduzca el número en formato internacional, empezando por + y el prefijo del país.',
  invalidDate: 'Introduzca una fecha válida.',
  invalidNumber: 'Introduzca un número.',
  invalidInteger: 'Introduzca un número entero.',
  chooseOption: 'Elija…',
  noMatches: 'No hay coincidencias',
  optionsAvailable: (count, f) =>
    count === 0 ? 'No hay resultados' : f.plural(count, { one: `${f.number(count)} resultado`, other: `${f.number(count)} resultados` }),
  loadingOptions: 'Cargando opciones…',
  acceptRequired: 'Para continuar, confirme que ha leído y acepta este documento.',
  questionOptionsFailed: 'No se han podido cargar las opciones de esta pregunta.',
  questionDocumentFailed: 'No se ha podido cargar el documento.',
  questionDocumentUploaded: 'Subido',
  questionVerificationNote: 'Nota de la verificación de identidad',
  verificationProblem: 'La verificación de identidad no pudo usar lo que se envió aquí. Sustitúyalo, por favor.',

  // Errors
  errorSummaryTitle: 'Hay un problema',
  errorSummaryItem: (question, message) => `${question}: ${message}`,
  errorNetwork:
    'No se ha podido establecer la conexión. Compruebe su conexión a internet e inténtelo de nuevo. ' + 'Sus respuestas se conservan.',
  errorTimeout: 'Esto está tardando más de lo esperado. Inténtelo de nuevo. Sus respuestas se conservan.',
  errorUnauthorized: 'Su sesión ha caducado. Vuelva a iniciar sesión para continuar. Las respuestas que ya había guardado se conservan.',
  errorHandoffLink:
    'Este enlace ha caducado o ya se usó: cada enlace se abre una vez, durante unos minutos. En su ordenador, elija de nuevo «Continuar en su teléfono» para obtener uno nuevo. Las respuestas que ya había guardado se conservan.',
  errorForbidden: 'No tiene acceso a esta solicitud. Si cree que se trata de un error, póngase en contacto con el servicio de asistencia.',
  errorNotFound:
    'No hemos encontrado lo que se ha solicitado. Es posible que se haya eliminado. ' + 'Vuelva a cargar la página e inténtelo de nuevo.',
  errorConflict:
    'Esta solicitud ya no se puede modificar, por ejemplo porque ya se ha enviado a revisión. ' +
    'Vuelva a cargar la página para ver su estado actual.',
  errorValidation: 'Algunas respuestas no se han aceptado. Corrija las respuestas marcadas e inténtelo de nuevo.',
  errorSignatureRequired: 'Para guardar este cambio, confírmelo con un código de un solo uso.',
  errorSignatureInvalid: 'El código no es correcto o ha caducado. Revíselo o solicite uno nuevo.',
  errorUploadRejected: 'No se ha podido aceptar este archivo. Elija otro, por ejemplo una foto nítida o un documento escaneado en PDF.',
  errorRateLimited: (seconds, f) =>
    `Demasiados intentos. Espere ${f.plural(seconds, {
      one: `${f.number(seconds)} segundo`,
      other: `${f.number(seconds)} segundos`,
    })} e inténtelo de nuevo.`,
  errorRateLimitedMinutes: (minutes, f) =>
    `Demasiados intentos. Espere ${f.plural(minutes, {
      one: `${f.number(minutes)} minuto`,
      other: `${f.number(minutes)} minutos`,
    })} e inténtelo de nuevo.`,
  errorServer: 'Algo ha fallado por nuestra parte. Inténtelo de nuevo dentro de unos minutos. Sus respuestas se conservan.',
  errorMalformedResponse: 'Hemos recibido una respuesta que no hemos podido leer. Inténtelo de nuevo. Sus respuestas se conservan.',
  errorUnknown:
    'Se ha producido un error inesperado. Inténtelo de nuevo. ' +
    'Si el problema continúa, póngase en contacto con el servicio de asistencia.',

  // Legal documents
  documentVersion: (version) => `Versión ${version}`,
  readFullDocument: 'Leer el documento completo',
  acceptDocument: (title) => `He leído y acepto «${title}»`,
  acceptThisDocument: 'He leído y acepto este documento',
  opensInNewTab: '(se abre en una pestaña nueva)',

  // Signatures
  signTitle: 'Confirme con un código de un solo uso',
  signIntro: 'Por su seguridad, le enviaremos un código de un solo uso para confirmar que es usted.',
  chooseProvider: '¿Cómo quiere recibir el código?',
  providerSms: 'SMS',
  providerEmail: 'Correo electrónico',
  destinationPhoneLabel: 'Número de teléfono móvil',
  destinationEmailLabel: 'Dirección de correo electrónico',
  sendCode: 'Enviar código',
  codeSent: (destination) => `Hemos enviado un código a ${destination}.`,
  codeLabel: 'Código de un solo uso',
  codeHint: 'Introduzca el código del mensaje. Puede tardar un minuto en llegar.',
  confirmCode: 'Confirmar',
  resendCode: 'Enviar un código nuevo',
  resendIn: (seconds, f) =>
    `Podrá solicitar un código nuevo dentro de ${f.plural(seconds, {
      one: `${f.number(seconds)} segundo`,
      other: `${f.number(seconds)} segundos`,
    })}.`,
  codeSentAgain: 'Le hemos enviado un código nuevo.',
  signaturePromptProgress: (index, total, f) => `Código ${f.number(index)} de ${f.number(total)}`,
  signaturePromptSendTo: (destination) => `Enviaremos el código a ${destination}.`,
  signaturePromptCodeFormat: (length, f) =>
    `Introduzca el código de ${f.plural(length, {
      one: `${f.number(length)} dígito`,
      other: `${f.number(length)} dígitos`,
    })}.`,
  signaturePromptResendReady: 'Ya puede solicitar un código nuevo.',
  signaturePromptPhoneHint: 'Empiece por + y el prefijo del país, por ejemplo +34 612 34 56 78.',

  // Documents
  fileChoose: 'Elegir un archivo',
  fileChooseFor: (label) => `Elegir un archivo: ${label}`,
  fileAddPage: 'Añadir una página',
  fileAddPageFor: (label) => `Añadir una página: ${label}`,
  fileReplace: 'Reemplazar',
  fileReplaceFor: (label) => `Reemplazar: ${label}`,
  fileTakePhoto: 'Hacer una foto',
  fileTakePhotoFor: (label) => `Hacer una foto: ${label}`,
  fileDropHint: 'o arrastre el archivo hasta aquí',
  filePageOf: (index, label, f) => `${label}, página ${f.number(index)}`,
  filePages: (count, f) => f.plural(count, { one: `${f.number(count)} página`, other: `${f.number(count)} páginas` }),
  fileChecking: 'Comprobando el archivo…',
  fileUploadingFor: (role) => `Subiendo: ${role}`,
  fileCancel: 'Cancelar la subida',
  fileRetry: 'Volver a subir',
  fileRetake: 'Tomarla de nuevo',
  fileRetakeFor: (role) => `Tomar de nuevo: ${role}`,
  fileCancelFor: (role) => `Cancelar la subida: ${role}`,
  fileRetryFor: (role) => `Volver a subir: ${role}`,
  fileUploadedFor: (role) => `Subido: ${role}`,
  fileTooManyPages: (count, f) => `Puede añadir como máximo ${f.number(count)} páginas a este documento.`,
  fileRemove: 'Eliminar',
  fileRemoveFor: (role) => `Eliminar: ${role}`,
  fileEmpty: 'Este archivo está vacío. Elija otro.',
  fileTooBig: (megabytes, f) => `Este archivo supera los ${f.number(megabytes)} MB. Elija uno más pequeño o haga una foto nueva.`,
  fileUnsupported: 'No se admite este tipo de archivo. Elija una foto (JPEG, PNG, HEIC o WebP) o un PDF.',
  fileMismatch:
    'El contenido de este archivo no corresponde a su nombre (por ejemplo, un PDF con la extensión .jpg). ' + 'Elija el archivo original.',
  fileCorrupted: 'Este archivo está dañado o incompleto. Elija otro.',
  fileUndecodable: 'No se puede abrir esta imagen. Haga una foto nueva o elija otro archivo.',
  fileTooManyPixels: 'Esta imagen es demasiado grande para procesarla. Elija una más pequeña.',
  fileDuplicate: 'Este archivo ya se ha subido para este documento. Elija otro.',
  fileTooMany: 'No se pueden añadir más archivos a su solicitud. Póngase en contacto con el servicio de asistencia.',
  fileUploadPending: 'Espere a que termine la subida.',
  fileProblemPending: 'Elimine o reemplace el archivo que no se ha podido usar.',
  noBackSide: 'Mi documento no tiene reverso',
  noBackSideHelp: 'La foto del anverso se enviará de nuevo como reverso.',
  noBackSideFrontAgain: 'Vuelva a elegir la foto del anverso: se enviará como reverso.',

  // Steps that later issues fill in
  livenessLoading: 'Cargando la prueba de vida…',
  livenessChecking: 'Comprobando el resultado de su prueba de vida…',
  livenessFailed: 'No se pudo cargar la prueba de vida o se detuvo con un error. Inténtelo de nuevo.',
  livenessOnPhone: 'O haga la prueba en su teléfono: escanee este código o abra el enlace.',
  livenessQrLabel: 'Código QR del enlace a la prueba de vida',
  livenessOpenLink: 'Abrir la prueba en una pestaña nueva',
  livenessOnThisDevice: 'O haga la prueba en la página de Sumsub.',
  livenessOpenHere: 'Abrir la prueba aquí',
  livenessDone: 'Completada',
  livenessFrameTitle: 'Prueba de vida de Sumsub',
  livenessLater: 'Una breve comprobación en vídeo, tipo selfi, con su cámara',
  livenessRequired: 'Haga la prueba de vida para continuar.',

  // The welcome
  welcomeTitle: 'Antes de empezar',
  welcomeIntro: 'Necesitamos confirmar su identidad. Esto es lo que necesitará:',
  needAnswers: 'Algunas respuestas sobre usted',
  needIdentityDocument: 'Su documento de identidad, para fotografiarlo o subirlo',
  needProofOfAddress: 'Un justificante de domicilio de los últimos tres meses, como una factura o un extracto bancario',
  needProofOfFunds: 'Un documento que muestre de dónde procede su dinero, como una nómina',
  needOtherDocuments: 'Los demás documentos que piden los pasos, para fotografiarlos o subirlos',
  needPhone: 'Su teléfono móvil, para recibir códigos de confirmación por SMS',
  needEmail: 'Acceso a su correo electrónico, para recibir códigos de confirmación',
  needCamera: 'Un dispositivo con cámara, para un breve vídeo selfi',
  welcomeTime: (minutes, f) =>
    f.plural(minutes, { one: 'Se tarda alrededor de un minuto.', other: `Se tarda alrededor de ${f.number(minutes)} minutos.` }),
  welcomeResume: 'Puede detenerse cuando quiera: lo que haya guardado se conserva y podrá continuar más tarde.',
  welcomePrivacy: 'Cómo usamos sus datos',
  welcomeStart: 'Empezar',
  consentDefault:
    'Acepto que mis datos personales, mis documentos y un vídeo de mi cara se traten para verificar mi identidad, como describe la política de privacidad.',
  consentRequired: 'Marque la casilla para dar su consentimiento antes de empezar.',

  // The review: what is required and not done
  notDone: 'Sin hacer',
  complete: 'Completar',
  completeAnswer: (question) => `Completar ${question}`,
  reviewMissingTitle: (count, f) =>
    f.plural(count, {
      one: 'Falta un dato obligatorio. Complételo para enviar su solicitud:',
      other: `Faltan ${f.number(count)} datos obligatorios. Complételos para enviar su solicitud:`,
    }),

  // A stored document the identity check could not use
  documentNoteSaved:
    'Su documento está guardado, pero la verificación de identidad tiene una nota sobre él (mostrada al lado). Puede elegir otro archivo o pulsar Continuar para seguir.',
  fileStoredWithNote: 'Subido, con una nota de la verificación de identidad',

  // A photo's quality checks
  qualityResolution: 'La foto tiene muy pocos píxeles: acérquese o use la resolución completa de la cámara.',
  qualityCutOff: 'Parte del documento queda cortada: muestre las cuatro esquinas.',
  qualityTooSmall: 'El documento se ve demasiado pequeño en la foto: acérquese para que llene el encuadre.',
  qualityBlur: 'La foto está borrosa: mantenga quietos el documento y la cámara, y vuelva a tomarla.',
  qualityDark: 'La foto está demasiado oscura: vaya a un lugar con más luz.',
  qualityBright: 'La foto está sobreexpuesta: evite la luz directa.',
  qualityGlare: 'La luz se refleja en el documento: inclínelo un poco o apague el flash.',
  qualityMaySend: 'Puede enviarla así, pero podría ser rechazada.',
  qualityExample: 'Ejemplo de una buena foto: el documento entero en la imagen, recto, nítido y con luz uniforme',
  qualityExampleCaption: 'Una buena foto muestra el documento entero con algo de margen, cada palabra nítida y sin reflejos.',

  // The document camera
  captureTitle: (label) => `Foto: ${label}`,
  captureReviewTitle: (label) => `Revise la foto: ${label}`,
  captureInstructions:
    'Ponga el documento sobre una superficie oscura y lisa, con buena luz, y sostenga la cámara encima. La foto se toma sola cuando el documento está dentro del marco y nítido.',
  captureStarting: 'Iniciando la cámara…',
  captureDark: 'Demasiado oscuro: vaya a un lugar con más luz.',
  captureBright: 'Demasiado claro: apártese de la luz directa.',
  captureGlare: 'Reflejo en el documento: inclínelo un poco.',
  captureFit: 'Aléjese: el documento entero debe estar dentro del marco.',
  captureCloser: 'Acérquese: el documento debe llenar el marco.',
  captureStill: 'No se mueva.',
  captureBlur: 'No se mueva: la imagen aún no está nítida.',
  captureReady: 'Bien. No se mueva…',
  captureShutter: 'Tomar la foto',
  captureShutterFor: (label) => `Tomar la foto: ${label}`,
  captureClose: 'Cerrar la cámara',
  capturePreviewLabel: (label) => `La foto tomada: ${label}`,
  captureReviewHint: 'Compruebe que el documento entero está en la foto y que se lee cada palabra.',
  captureUse: 'Usar esta foto',
  captureUseAnyway: 'Usarla de todos modos',
  captureRetake: 'Tomarla de nuevo',
  captureRefused: 'Esta foto no se puede usar: tómela de nuevo.',
  captureNextSide: (label) => `Ahora: ${label}.`,
  captureCameraRefused:
    'La cámara no se puede usar en esta página. Elija una foto o un archivo, o permita la cámara en la configuración del navegador y vuelva a intentarlo.',
  captureCameraMissing: 'No se encontró ninguna cámara. Elija una foto o un archivo.',
  captureCameraBusy: 'Otra aplicación está usando la cámara. Ciérrela y vuelva a intentarlo, o elija un archivo.',
  captureChooseFile: 'Elegir un archivo',
  captureTryAgain: 'Volver a intentar con la cámara',
  captureOpen: 'Abrir la cámara',

  // The hand-off to a phone
  handoffStart: 'Continuar en su teléfono',
  handoffTitle: 'Continuar en su teléfono',
  handoffBody:
    'Escanee este código con la cámara de su teléfono o abra el enlace en él. Haga las fotos allí: esta página continuará sola cuando se hayan enviado. El enlace funciona una vez, durante 10 minutos.',
  handoffQrLabel: 'Código QR del enlace para continuar en su teléfono',
  handoffLink: 'El enlace para abrir en su teléfono',
  handoffWaiting: 'Esperando los documentos de su teléfono…',
  handoffStop: 'Continuar aquí',
  handoffExpired:
    'El enlace ha caducado: ya no se puede abrir. Si su teléfono lo abrió a tiempo, continúe allí; si no, cree un enlace nuevo.',
  handoffNewLink: 'Crear un enlace nuevo',

  // The guide's attribute keys
  guidePassport: 'Pasaporte',
  guidePassportHelp: 'Una foto o un escaneo de la página con su fotografía, con las cuatro esquinas visibles.',
  guideIdCardFront: 'Documento de identidad: anverso',
  guideIdCardBack: 'Documento de identidad: reverso',
  guideDriverLicenseFront: 'Permiso de conducir: anverso',
  guideDriverLicenseBack: 'Permiso de conducir: reverso',
  guideResidencePermitFront: 'Permiso de residencia: anverso',
  guideResidencePermitBack: 'Permiso de residencia: reverso',
  guideFrontHelp: 'La cara con su fotografía.',
  guideBackHelp: 'La otra cara del mismo documento.',
  guideProofOfAddress: 'Justificante de domicilio',
  guideProofOfAddressHelp:
    'Una factura de suministros, un extracto bancario o una carta oficial de los últimos tres meses, con su nombre y dirección.',
  guideProofOfFunds: 'Justificante del origen de los fondos',
  guideProofOfFundsHelp:
    'Un documento que muestre de dónde procede su dinero, como una nómina, un extracto bancario o un contrato de compraventa.',
  guideLiveness: 'Prueba de vida',
  guideLivenessHelp: 'Un breve vídeo selfi con su cámara, para confirmar que usted es la persona de sus documentos.',
  guideLivenessLink: 'Enlace a la prueba de vida',
  guideLivenessLinkHelp: 'Ábralo en un dispositivo con cámara para hacer la prueba.',
} satisfies KycTranslation;

export default translation;
