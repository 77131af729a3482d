// French (formal "vous"; no-break spaces before « : ? » and inside guillemets). Loaded on demand.
import type { KycTranslation } from '../utilities/localize.js';

/** French terms of the onboarding widget. */
const translation = {
  $code: 'fr',
  $name: 'Français',
  $dir: 'ltr',

  // General
  loading: 'Chargement…',
  loadingSlow: 'Cela prend plus de temps que d’habitude. Nous continuons d’essayer.',
  stopWaiting: 'Ne plus attendre',
  retry: 'Réessayer',
  back: 'Retour',
  continue: 'Continuer',
  cancel: 'Annuler',
  stepOf: (index, total, f) => `Étape ${f.number(index)} sur ${f.number(total)}`,
  stepsLabel: 'Étapes de la demande',
  required: 'obligatoire',
  readOnly: 'Non modifiable',
  yes: 'Oui',
  no: 'Non',
  notAnswered: 'Sans réponse',
  saving: 'Enregistrement…',

  // Levels
  chooseLevelTitle: 'Choisissez un niveau de vérification',
  chooseLevelIntro:
    'Choisissez le niveau qui correspond à ce que vous souhaitez faire. Chaque niveau demande des informations différentes.',
  currentLevel: (name) => `Votre niveau actuel\u00a0: ${name}`,
  startVerification: 'Commencer la vérification',
  notAllowedTitle: 'Vous ne pouvez pas faire de nouvelle demande pour le moment',
  notAllowedBody:
    'Votre compte ne permet pas de lancer une vérification pour le moment. ' +
    'Si vous pensez qu’il s’agit d’une erreur, contactez le support.',
  noLevels: 'Aucun autre niveau de vérification ne vous est proposé pour le moment.',
  unnamedLevel: (position, f) => `Niveau ${f.number(position)}`,

  // Review
  reviewTitle: 'Vérifiez vos réponses',
  reviewIntro: 'Assurez-vous que tout est correct avant d’envoyer votre demande pour examen.',
  change: 'Modifier',
  changeAnswer: (question) => `Modifier «\u00a0${question}\u00a0»`,
  sendForReview: 'Envoyer pour examen',
  unsavedAnswers:
    'Certaines réponses de cette étape ne sont pas encore enregistrées. Appuyez sur « Continuer » pour les enregistrer, puis envoyez votre demande.',

  // Statuses
  inReviewTitle: 'Votre demande est en cours d’examen',
  inReviewBody: 'Cela prend généralement peu de temps. Vous pouvez quitter cette page\u00a0: le résultat s’affichera ici à votre retour.',
  approvedTitle: 'Votre demande a été approuvée',
  approvedBody: 'Merci, votre vérification est terminée. Vous pouvez maintenant utiliser les services qui la nécessitent.',
  pendingTitle: 'Certaines réponses doivent être corrigées',
  pendingBody: 'Corrigez les réponses signalées ci-dessous, puis renvoyez votre demande pour examen.',
  pendingBodyNoRemarks:
    'Vérifiez vos réponses au regard du commentaire ci-dessous, modifiez ce qui doit l’être, puis renvoyez votre demande pour examen.',
  reviewerComment: 'Commentaire de l’équipe de vérification',
  remarksCount: (count, f) => f.plural(count, { one: `${f.number(count)} remarque`, other: `${f.number(count)} remarques` }),
  rejectedTitle: 'Votre demande n’a pas été approuvée',
  rejectedBody: 'Cette demande ne peut plus être modifiée. Si vous le souhaitez, vous pouvez en commencer une nouvelle.',
  startNewApplication: 'Faire une nouvelle demande',
  unknownStatusTitle: 'Impossible d’afficher le statut de votre demande',
  unknownStatusBody: (status) =>
    `Votre demande a le statut «\u00a0${status}\u00a0», que cette page ne sait pas afficher. ` +
    'Vos réponses sont conservées. Réessayez plus tard ou contactez le support.',

  // Fields
  fieldRequired: 'Veuillez répondre à cette question.',
  invalidEmail: 'Saisissez une adresse e-mail au bon format, par exemple nom@example.com.',
  invalidPhone: 'Saisissez le numéro au format international, en commençant par + et l’indicatif du pays.',
  invalidDate: 'Saisissez une date valide.',
  invalidNumber: 'Saisissez un nombre.',
  invalidInteger: 'Saisissez un nombre entier.',
  chooseOption: 'Choisir…',
  noMatches: 'Aucune correspondance',
  optionsAvailable: (count, f) =>
    count === 0 ? 'Aucun résultat' : f.plural(count, { one: `${f.number(count)} résultat`, other: `${f.number(count)} résultats` }),
  loadingOptions: 'Chargement des options…',
  acceptRequired: 'Pour continuer, confirmez que vous avez lu et acceptez ce document.',
  questionOptionsFailed: 'Les choix de cette question n’ont pas pu être chargés.',
  questionDocumentFailed: 'Le document n’a pas pu être chargé.',
  questionDocumentUploaded: 'Envoyé',
  questionVerificationNote: 'Remarque de la vérification d’identité',
  verificationProblem: 'Le contrôle d’identité n’a pas pu utiliser ce qui a été envoyé ici. Veuillez le remplacer.',

  // Errors
  errorSummaryTitle: 'Il y a un problème',
  errorSummaryItem: (question, message) => `${question} : ${message}`,
  errorNetwork: 'La connexion a échoué. Vérifiez votre connexion Internet et réessayez. Vos réponses sont conservées.',
  errorTimeout: 'Cela prend plus de temps que prévu. Veuillez réessayer. Vos réponses sont conservées.',
  errorUnauthorized: 'Votre session a expiré. Reconnectez-vous pour continuer. Les réponses déjà enregistrées sont conservées.',
  errorHandoffLink:
    'Ce lien a expiré ou a déjà servi : chaque lien s’ouvre une fois, pendant quelques minutes. Sur votre ordinateur, choisissez à nouveau « Continuer sur votre téléphone » pour en obtenir un nouveau. Les réponses déjà enregistrées sont conservées.',
  errorForbidden: 'Vous n’avez pas accès à cette demande. Si vous pensez qu’il s’agit d’une erreur, contactez le support.',
  errorNotFound: 'L’élément demandé est introuvable. Il a peut-être été supprimé. Rechargez la page et réessayez.',
  errorConflict:
    'Cette demande ne peut plus être modifiée, par exemple parce qu’elle a déjà été envoyée pour examen. ' +
    'Rechargez la page pour voir son statut actuel.',
  errorValidation: 'Certaines réponses n’ont pas été acceptées. Corrigez les réponses signalées et réessayez.',
  errorSignatureRequired: 'Pour enregistrer cette modification, confirmez-la avec un code à usage unique.',
  errorSignatureInvalid: 'Ce code est incorrect ou a expiré. Vérifiez-le ou demandez un nouveau code.',
  errorUploadRejected: 'Ce fichier n’a pas pu être accepté. Choisissez-en un autre, par exemple une photo nette ou un scan au format PDF.',
  errorRateLimited: (seconds, f) =>
    `Trop de tentatives. Patientez ${f.plural(seconds, {
      one: `${f.number(seconds)} seconde`,
      other: `${f.number(seconds)} secondes`,
    })}, puis réessayez.`,
  errorRateLimitedMinutes: (minutes, f) =>
    `Trop de tentatives. Patientez ${f.plural(minutes, {
      one: `${f.number(minutes)} minute`,
      other: `${f.number(minutes)} minutes`,
    })}, puis réessayez.`,
  errorServer: 'Un problème est survenu de notre côté. Réessayez dans quelques minutes. Vos réponses sont conservées.',
  errorMalformedResponse: 'Nous avons reçu une réponse que nous n’avons pas pu lire. Veuillez réessayer. Vos réponses sont conservées.',
  errorUnknown: 'Une erreur inattendue s’est produite. Veuillez réessayer. Si le problème persiste, contactez le support.',

  // Legal documents
  documentVersion: (version) => `Version ${version}`,
  readFullDocument: 'Lire le document complet',
  acceptDocument: (title) => `J’ai lu et j’accepte le document «\u00a0${title}\u00a0»`,
  acceptThisDocument: 'J’ai lu et j’accepte ce document',
  opensInNewTab: '(s’ouvre dans un nouvel onglet)',

  // Signatures
  signTitle: 'Confirmez avec un code à usage unique',
  signIntro: 'Pour votre sécurité, nous vous envoyons un code à usage unique afin de confirmer qu’il s’agit bien de vous.',
  chooseProvider: 'Comment souhaitez-vous recevoir le code\u00a0?',
  providerSms: 'SMS',
  providerEmail: 'E-mail',
  destinationPhoneLabel: 'Numéro de téléphone mobile',
  destinationEmailLabel: 'Adresse e-mail',
  sendCode: 'Envoyer le code',
  codeSent: (destination) => `Nous avons envoyé un code à ${destination}.`,
  codeLabel: 'Code à usage unique',
  codeHint: 'Saisissez le code reçu par message. Il peut mettre une minute à arriver.',
  confirmCode: 'Confirmer',
  resendCode: 'Envoyer un nouveau code',
  resendIn: (seconds, f) =>
    `Vous pourrez demander un nouveau code dans ${f.plural(seconds, {
      one: `${f.number(seconds)} seconde`,
      other: `${f.number(seconds)} secondes`,
    })}.`,
  codeSentAgain: 'Nous vous avons envoyé un nouveau code.',
  signaturePromptProgress: (index, total, f) => `Code ${f.number(index)} sur ${f.number(total)}`,
  signaturePromptSendTo: (destination) => `Nous enverrons le code à ${destination}.`,
  signaturePromptCodeFormat: (length, f) =>
    `Saisissez le code à ${f.plural(length, {
      one: `${f.number(length)} chiffre`,
      other: `${f.number(length)} chiffres`,
    })}.`,
  signaturePromptResendReady: 'Vous pouvez maintenant demander un nouveau code.',
  signaturePromptPhoneHint: 'Commencez par + et l’indicatif du pays, par exemple +33 6 12 34 56 78.',

  // Documents
  fileChoose: 'Choisir un fichier',
  fileChooseFor: (label) => `Choisir un fichier\u00a0: ${label}`,
  fileAddPage: 'Ajouter une page',
  fileAddPageFor: (label) => `Ajouter une page\u00a0: ${label}`,
  fileReplace: 'Remplacer',
  fileReplaceFor: (label) => `Remplacer\u00a0: ${label}`,
  fileTakePhoto: 'Prendre une photo',
  fileTakePhotoFor: (label) => `Prendre une photo\u00a0: ${label}`,
  fileDropHint: 'ou déposez le fichier ici',
  filePageOf: (index, label, f) => `${label}, page ${f.number(index)}`,
  filePages: (count, f) => f.plural(count, { one: `${f.number(count)} page`, other: `${f.number(count)} pages` }),
  fileChecking: 'Vérification du fichier…',
  fileUploadingFor: (role) => `Envoi en cours\u00a0: ${role}`,
  fileCancel: 'Annuler l’envoi',
  fileRetry: 'Envoyer à nouveau',
  fileRetake: 'La reprendre',
  fileRetakeFor: (role) => `Reprendre la photo\u00a0: ${role}`,
  fileCancelFor: (role) => `Annuler l’envoi\u00a0: ${role}`,
  fileRetryFor: (role) => `Envoyer à nouveau\u00a0: ${role}`,
  fileUploadedFor: (role) => `Envoyé\u00a0: ${role}`,
  fileTooManyPages: (count, f) => `Vous pouvez ajouter au plus ${f.number(count)}\u00a0pages à ce document.`,
  fileRemove: 'Supprimer',
  fileRemoveFor: (role) => `Supprimer\u00a0: ${role}`,
  fileEmpty: 'Ce fichier est vide. Veuillez en choisir un autre.',
  fileTooBig: (megabytes, f) =>
    `Ce fichier dépasse ${f.number(megabytes)}\u00a0Mo. ` + 'Veuillez en choisir un plus petit ou prendre une nouvelle photo.',
  fileUnsupported: 'Ce type de fichier n’est pas accepté. Veuillez choisir une photo (JPEG, PNG, HEIC ou WebP) ou un PDF.',
  fileMismatch: 'Ce fichier ne correspond pas à son nom (par exemple un PDF nommé .jpg). Veuillez choisir le fichier d’origine.',
  fileCorrupted: 'Ce fichier est endommagé ou incomplet. Veuillez en choisir un autre.',
  fileUndecodable: 'Impossible d’ouvrir cette image. Veuillez prendre une nouvelle photo ou choisir un autre fichier.',
  fileTooManyPixels: 'Cette image est trop grande pour être traitée. Veuillez en choisir une plus petite.',
  fileDuplicate: 'Ce fichier a déjà été envoyé pour ce document. Veuillez en choisir un autre.',
  fileTooMany: 'Il n’est plus possible d’ajouter des fichiers à votre demande. Veuillez contacter le support.',
  fileUploadPending: 'Veuillez patienter jusqu’à la fin de l’envoi.',
  fileProblemPending: 'Veuillez supprimer ou remplacer le fichier qui n’a pas pu être utilisé.',
  noBackSide: 'Mon document n’a pas de verso',
  noBackSideHelp: 'La photo du recto sera envoyée une seconde fois en tant que verso.',
  noBackSideFrontAgain: 'Veuillez choisir à nouveau la photo du recto\u00a0: elle sera envoyée en tant que verso.',

  // Steps that later issues fill in
  livenessLoading: 'Chargement du contrôle du vivant…',
  livenessChecking: 'Vérification du résultat de votre contrôle du vivant…',
  livenessFailed: 'Le contrôle du vivant n’a pas pu être chargé ou s’est arrêté sur une erreur. Veuillez réessayer.',
  livenessOnPhone: 'Ou faites le contrôle sur votre téléphone\u00a0: scannez ce code ou ouvrez le lien.',
  livenessQrLabel: 'Code QR du lien vers le contrôle du vivant',
  livenessOpenLink: 'Ouvrir le contrôle dans un nouvel onglet',
  livenessOnThisDevice: 'Ou faites le contrôle sur la page de Sumsub.',
  livenessOpenHere: 'Ouvrir le contrôle ici',
  livenessDone: 'Effectué',
  livenessFrameTitle: 'Contrôle du vivant par Sumsub',
  livenessLater: 'Une courte vérification vidéo (selfie) avec votre caméra',
  livenessRequired: 'Faites le contrôle du vivant pour continuer.',

  // The welcome
  welcomeTitle: 'Avant de commencer',
  welcomeIntro: 'Nous devons confirmer votre identité. Voici ce dont vous aurez besoin :',
  needAnswers: 'Quelques réponses sur vous',
  needIdentityDocument: 'Votre pièce d’identité, à photographier ou à envoyer',
  needProofOfAddress: 'Un justificatif de domicile de moins de trois mois, par exemple une facture ou un relevé bancaire',
  needProofOfFunds: 'Un document qui montre d’où vient votre argent, par exemple une fiche de paie',
  needOtherDocuments: 'Les autres documents que demandent les étapes, à photographier ou à envoyer',
  needPhone: 'Votre téléphone mobile, pour recevoir des codes de confirmation par SMS',
  needEmail: 'L’accès à votre messagerie, pour recevoir des codes de confirmation',
  needCamera: 'Un appareil doté d’une caméra, pour une courte vidéo selfie',
  welcomeTime: (minutes, f) =>
    f.plural(minutes, { one: 'Cela prend environ une minute.', other: `Cela prend environ ${f.number(minutes)} minutes.` }),
  welcomeResume: 'Vous pouvez vous arrêter à tout moment : ce que vous avez enregistré est conservé, et vous pourrez reprendre plus tard.',
  welcomePrivacy: 'Comment nous utilisons vos données',
  welcomeStart: 'Commencer',
  consentDefault:
    'J’accepte que mes données personnelles, mes documents et une vidéo de mon visage soient traités pour vérifier mon identité, comme le décrit la politique de confidentialité.',
  consentRequired: 'Cochez la case pour donner votre accord avant de commencer.',

  // The review: what is required and not done
  notDone: 'Non fait',
  complete: 'Compléter',
  completeAnswer: (question) => `Compléter ${question}`,
  reviewMissingTitle: (count, f) =>
    f.plural(count, {
      one: 'Un élément obligatoire n’est pas encore fait. Complétez-le pour envoyer votre demande :',
      other: `${f.number(count)} éléments obligatoires ne sont pas encore faits. Complétez-les pour envoyer votre demande :`,
    }),

  // A stored document the identity check could not use
  documentNoteSaved:
    'Votre document est enregistré, mais le contrôle d’identité a une remarque à son sujet (affichée à côté). Vous pouvez choisir un autre fichier, ou appuyer sur Continuer pour poursuivre.',
  fileStoredWithNote: 'Envoyé, avec une remarque du contrôle d’identité',

  // A photo's quality checks
  qualityResolution: 'La photo a trop peu de pixels : rapprochez-vous, ou utilisez la pleine résolution de l’appareil.',
  qualityCutOff: 'Une partie du document est coupée : montrez les quatre coins.',
  qualityTooSmall: 'Le document est trop petit sur la photo : rapprochez-vous pour qu’il remplisse le cadre.',
  qualityBlur: 'La photo est floue : tenez le document et l’appareil immobiles, puis reprenez-la.',
  qualityDark: 'La photo est trop sombre : allez dans un endroit plus éclairé.',
  qualityBright: 'La photo est surexposée : évitez la lumière directe.',
  qualityGlare: 'La lumière se reflète sur le document : inclinez-le un peu, ou coupez le flash.',
  qualityMaySend: 'Vous pouvez l’envoyer ainsi, mais elle risque d’être refusée.',
  qualityExample: 'Exemple de bonne photo : le document entier dans l’image, bien droit, net et éclairé de façon égale',
  qualityExampleCaption: 'Une bonne photo montre le document entier avec un peu de marge, chaque mot net, sans reflet.',

  // The document camera
  captureTitle: (label) => `Photo : ${label}`,
  captureReviewTitle: (label) => `Vérifiez la photo : ${label}`,
  captureInstructions:
    'Posez le document sur une surface sombre et unie, bien éclairée, et tenez l’appareil au-dessus. La photo est prise toute seule quand le document est dans le cadre et net.',
  captureStarting: 'Démarrage de la caméra…',
  captureDark: 'Trop sombre : allez dans un endroit plus lumineux.',
  captureBright: 'Trop clair : éloignez-vous de la lumière directe.',
  captureGlare: 'Reflet sur le document : inclinez-le un peu.',
  captureFit: 'Reculez : le document entier doit être dans le cadre.',
  captureCloser: 'Approchez-vous : le document doit remplir le cadre.',
  captureStill: 'Ne bougez plus.',
  captureBlur: 'Ne bougez plus : l’image n’est pas encore nette.',
  captureReady: 'Bien. Ne bougez plus…',
  captureShutter: 'Prendre la photo',
  captureShutterFor: (label) => `Prendre la photo : ${label}`,
  captureClose: 'Fermer la caméra',
  capturePreviewLabel: (label) => `La photo prise : ${label}`,
  captureReviewHint: 'Vérifiez que le document entier est sur la photo et que chaque mot se lit.',
  captureUse: 'Utiliser cette photo',
  captureUseAnyway: 'L’utiliser quand même',
  captureRetake: 'La reprendre',
  captureRefused: 'Cette photo ne peut pas être utilisée : veuillez la reprendre.',
  captureNextSide: (label) => `Maintenant : ${label}.`,
  captureCameraRefused:
    'La caméra ne peut pas être utilisée sur cette page. Choisissez plutôt une photo ou un fichier, ou autorisez la caméra dans les réglages de votre navigateur et réessayez.',
  captureCameraMissing: 'Aucune caméra n’a été trouvée. Choisissez plutôt une photo ou un fichier.',
  captureCameraBusy: 'La caméra est utilisée par une autre application. Fermez-la et réessayez, ou choisissez plutôt un fichier.',
  captureChooseFile: 'Choisir plutôt un fichier',
  captureTryAgain: 'Réessayer la caméra',
  captureOpen: 'Ouvrir la caméra',

  // The hand-off to a phone
  handoffStart: 'Continuer sur votre téléphone',
  handoffTitle: 'Continuer sur votre téléphone',
  handoffBody:
    'Scannez ce code avec l’appareil photo de votre téléphone, ou ouvrez le lien sur votre téléphone. Prenez les photos là-bas : cette page continue d’elle-même une fois qu’elles sont envoyées. Le lien fonctionne une fois, pendant 10 minutes.',
  handoffQrLabel: 'QR code du lien pour continuer sur votre téléphone',
  handoffLink: 'Le lien à ouvrir sur votre téléphone',
  handoffWaiting: 'En attente des documents de votre téléphone…',
  handoffStop: 'Continuer plutôt ici',
  handoffExpired:
    'Le lien a expiré : il ne peut plus être ouvert. Si votre téléphone l’a ouvert à temps, continuez dessus ; sinon, créez un nouveau lien.',
  handoffNewLink: 'Créer un nouveau lien',

  // The guide's attribute keys
  guidePassport: 'Passeport',
  guidePassportHelp: 'Une photo ou un scan de la page avec votre photo, les quatre coins visibles.',
  guideIdCardFront: 'Carte d’identité : recto',
  guideIdCardBack: 'Carte d’identité : verso',
  guideDriverLicenseFront: 'Permis de conduire : recto',
  guideDriverLicenseBack: 'Permis de conduire : verso',
  guideResidencePermitFront: 'Titre de séjour : recto',
  guideResidencePermitBack: 'Titre de séjour : verso',
  guideFrontHelp: 'Le côté avec votre photo.',
  guideBackHelp: 'L’autre côté du même document.',
  guideProofOfAddress: 'Justificatif de domicile',
  guideProofOfAddressHelp:
    'Une facture, un relevé bancaire ou un courrier officiel de moins de trois mois, à votre nom et à votre adresse.',
  guideProofOfFunds: 'Justificatif de l’origine des fonds',
  guideProofOfFundsHelp:
    'Un document qui montre d’où vient votre argent, par exemple une fiche de paie, un relevé bancaire ou un acte de vente.',
  guideLiveness: 'Contrôle du vivant',
  guideLivenessHelp: 'Une courte vidéo selfie avec votre caméra, pour confirmer que vous êtes la personne de vos documents.',
  guideLivenessLink: 'Lien vers le contrôle du vivant',
  guideLivenessLinkHelp: 'Ouvrez-le sur un appareil doté d’une caméra pour passer le contrôle.',
} satisfies KycTranslation;

export default translation;
