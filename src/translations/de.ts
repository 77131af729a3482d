// German (formal "Sie"). Loaded on demand by the LocalizeController.
import type { KycTranslation } from '../utilities/localize.js';

/** German terms of the onboarding widget. */
const translation = {
  $code: 'de',
  $name: 'Deutsch',
  $dir: 'ltr',

  // General
  loading: 'Wird geladen…',
  loadingSlow: 'Das dauert länger als üblich. Wir versuchen es weiter.',
  stopWaiting: 'Nicht mehr warten',
  retry: 'Erneut versuchen',
  back: 'Zurück',
  continue: 'Weiter',
  cancel: 'Abbrechen',
  stepOf: (index, total, f) => `Schritt ${f.number(index)} von ${f.number(total)}`,
  stepsLabel: 'Schritte des Antrags',
  required: 'erforderlich',
  readOnly: 'Kann nicht geändert werden',
  yes: 'Ja',
  no: 'Nein',
  notAnswered: 'Nicht beantwortet',
  saving: 'Wird gespeichert…',

  // Levels
  chooseLevelTitle: 'Wählen Sie eine Verifizierungsstufe',
  chooseLevelIntro: 'Wählen Sie die Stufe, die zu Ihrem Vorhaben passt. Jede Stufe fragt andere Angaben ab.',
  currentLevel: (name) => `Ihre aktuelle Stufe: ${name}`,
  startVerification: 'Verifizierung starten',
  notAllowedTitle: 'Sie können gerade keinen neuen Antrag stellen',
  notAllowedBody:
    'Für Ihr Konto kann im Moment keine Verifizierung gestartet werden. ' +
    'Wenn Sie das für einen Fehler halten, wenden Sie sich bitte an den Support.',
  noLevels: 'Derzeit steht Ihnen keine weitere Verifizierungsstufe zur Verfügung.',
  unnamedLevel: (position, f) => `Stufe ${f.number(position)}`,

  // Review
  reviewTitle: 'Prüfen Sie Ihre Angaben',
  reviewIntro: 'Bitte kontrollieren Sie, ob alles stimmt, bevor Sie Ihren Antrag zur Prüfung einreichen.',
  change: 'Ändern',
  changeAnswer: (question) => `„${question}“ ändern`,
  sendForReview: 'Zur Prüfung einreichen',
  unsavedAnswers:
    'Einige Angaben in diesem Schritt sind noch nicht gespeichert. Klicken Sie auf „Weiter“, um sie zu speichern, und senden Sie dann Ihren Antrag.',

  // Statuses
  inReviewTitle: 'Ihr Antrag wird geprüft',
  inReviewBody:
    'Das dauert in der Regel nicht lange. Sie können diese Seite verlassen: ' + 'Das Ergebnis wird hier angezeigt, wenn Sie zurückkehren.',
  approvedTitle: 'Ihr Antrag wurde genehmigt',
  approvedBody: 'Vielen Dank, Ihre Verifizierung ist abgeschlossen. Sie können jetzt die Dienste nutzen, für die sie nötig ist.',
  pendingTitle: 'Einige Angaben müssen korrigiert werden',
  pendingBody: 'Bitte korrigieren Sie die unten markierten Angaben und reichen Sie Ihren Antrag dann erneut ein.',
  pendingBodyNoRemarks:
    'Bitte prüfen Sie Ihre Angaben anhand des Hinweises unten, ändern Sie, was nötig ist, und reichen Sie Ihren Antrag dann erneut ein.',
  reviewerComment: 'Hinweis aus der Prüfung',
  remarksCount: (count, f) => f.plural(count, { one: `${f.number(count)} Anmerkung`, other: `${f.number(count)} Anmerkungen` }),
  rejectedTitle: 'Ihr Antrag wurde nicht genehmigt',
  rejectedBody: 'Dieser Antrag kann nicht mehr geändert werden. Wenn Sie möchten, können Sie einen neuen stellen.',
  startNewApplication: 'Neuen Antrag stellen',
  unknownStatusTitle: 'Der Status Ihres Antrags kann nicht angezeigt werden',
  unknownStatusBody: (status) =>
    `Ihr Antrag hat den Status „${status}“, den diese Seite nicht anzeigen kann. Ihre Angaben bleiben erhalten. ` +
    'Bitte versuchen Sie es später noch einmal oder wenden Sie sich an den Support.',

  // Fields
  fieldRequired: 'Bitte beantworten Sie diese Frage.',
  invalidEmail: 'Geben Sie eine E-Mail-Adresse im richtigen Format ein, z. B. name@example.com.',
  invalidPhone: 'Geben Sie die Telefonnummer im internationalen Format ein, beginnend mit + und der Ländervorwahl.',
  invalidDate: 'Geben Sie ein gültiges Datum ein.',
  invalidNumber: 'Geben Sie eine Zahl ein.',
  invalidInteger: 'Geben Sie eine ganze Zahl ein.',
  chooseOption: 'Bitte wählen…',
  noMatches: 'Keine Treffer',
  optionsAvailable: (count, f) =>
    count === 0 ? 'Keine Ergebnisse' : f.plural(count, { one: `${f.number(count)} Ergebnis`, other: `${f.number(count)} Ergebnisse` }),
  loadingOptions: 'Auswahl wird geladen…',
  acceptRequired: 'Bestätigen Sie, dass Sie dieses Dokument gelesen haben und akzeptieren, um fortzufahren.',
  questionOptionsFailed: 'Die Auswahlmöglichkeiten für diese Frage konnten nicht geladen werden.',
  questionDocumentFailed: 'Das Dokument konnte nicht geladen werden.',
  questionDocumentUploaded: 'Hochgeladen',
  questionVerificationNote: 'Hinweis aus der Identitätsprüfung',
  verificationProblem: 'Die Identitätsprüfung konnte das hier Gesendete nicht verwenden. Bitte ersetzen Sie es.',

  // Errors
  errorSummaryTitle: 'Es gibt ein Problem',
  errorSummaryItem: (question, message) => `${question}: ${message}`,
  errorNetwork:
    'Es konnte keine Verbindung hergestellt werden. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut. ' +
    'Ihre Angaben bleiben erhalten.',
  errorTimeout: 'Das dauert länger als erwartet. Bitte versuchen Sie es erneut. Ihre Angaben bleiben erhalten.',
  errorUnauthorized: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an. Bereits gespeicherte Angaben bleiben erhalten.',
  errorHandoffLink:
    'Dieser Link ist abgelaufen oder wurde bereits verwendet: Jeder Link lässt sich nur einmal und nur wenige Minuten lang öffnen. Wählen Sie auf Ihrem Computer erneut „Auf dem Smartphone fortfahren“, um einen neuen zu erhalten. Bereits gespeicherte Angaben bleiben erhalten.',
  errorForbidden: 'Sie haben keinen Zugriff auf diesen Antrag. Wenn Sie das für einen Fehler halten, wenden Sie sich bitte an den Support.',
  errorNotFound:
    'Das Angeforderte wurde nicht gefunden. Möglicherweise wurde es entfernt. ' +
    'Laden Sie die Seite neu und versuchen Sie es noch einmal.',
  errorConflict:
    'Dieser Antrag kann nicht mehr geändert werden, etwa weil er bereits zur Prüfung eingereicht wurde. ' +
    'Laden Sie die Seite neu, um den aktuellen Status zu sehen.',
  errorValidation: 'Einige Angaben wurden nicht angenommen. Korrigieren Sie die markierten Angaben und versuchen Sie es erneut.',
  errorSignatureRequired: 'Bitte bestätigen Sie diese Änderung mit einem Einmalcode, um sie zu speichern.',
  errorSignatureInvalid: 'Dieser Code ist falsch oder abgelaufen. Prüfen Sie ihn oder fordern Sie einen neuen an.',
  errorUploadRejected:
    'Diese Datei konnte nicht angenommen werden. Bitte wählen Sie eine andere, zum Beispiel ein scharfes Foto oder einen PDF-Scan.',
  errorRateLimited: (seconds, f) =>
    `Zu viele Versuche. Bitte warten Sie ${f.plural(seconds, {
      one: `${f.number(seconds)} Sekunde`,
      other: `${f.number(seconds)} Sekunden`,
    })} und versuchen Sie es dann erneut.`,
  errorRateLimitedMinutes: (minutes, f) =>
    `Zu viele Versuche. Bitte warten Sie ${f.plural(minutes, {
      one: `${f.number(minutes)} Minute`,
      other: `${f.number(minutes)} Minuten`,
    })} und versuchen Sie es dann erneut.`,
  errorServer: 'Bei uns ist ein Fehler aufgetreten. Bitte versuchen Sie es in ein paar Minuten erneut. Ihre Angaben bleiben erhalten.',
  errorMalformedResponse:
    'Wir haben eine Antwort erhalten, die wir nicht lesen konnten. Bitte versuchen Sie es erneut. ' + 'Ihre Angaben bleiben erhalten.',
  errorUnknown:
    'Etwas Unerwartetes ist passiert. Bitte versuchen Sie es erneut. ' +
    'Wenn das Problem bestehen bleibt, wenden Sie sich an den Support.',

  // Legal documents
  documentVersion: (version) => `Version ${version}`,
  readFullDocument: 'Vollständiges Dokument lesen',
  acceptDocument: (title) => `Ich habe „${title}“ gelesen und stimme zu`,
  acceptThisDocument: 'Ich habe dieses Dokument gelesen und akzeptiere es',
  opensInNewTab: '(öffnet in einem neuen Tab)',

  // Signatures
  signTitle: 'Mit einem Einmalcode bestätigen',
  signIntro: 'Zu Ihrer Sicherheit senden wir Ihnen einen Einmalcode, mit dem Sie bestätigen, dass Sie es wirklich sind.',
  chooseProvider: 'Wie möchten Sie den Code erhalten?',
  providerSms: 'SMS',
  providerEmail: 'E-Mail',
  destinationPhoneLabel: 'Mobilfunknummer',
  destinationEmailLabel: 'E-Mail-Adresse',
  sendCode: 'Code senden',
  codeSent: (destination) => `Wir haben einen Code an ${destination} gesendet.`,
  codeLabel: 'Einmalcode',
  codeHint: 'Geben Sie den Code aus der Nachricht ein. Es kann eine Minute dauern, bis sie ankommt.',
  confirmCode: 'Bestätigen',
  resendCode: 'Neuen Code senden',
  resendIn: (seconds, f) =>
    `Sie können in ${f.plural(seconds, {
      one: `${f.number(seconds)} Sekunde`,
      other: `${f.number(seconds)} Sekunden`,
    })} einen neuen Code anfordern.`,
  codeSentAgain: 'Wir haben Ihnen einen neuen Code gesendet.',
  signaturePromptProgress: (index, total, f) => `Code ${f.number(index)} von ${f.number(total)}`,
  signaturePromptSendTo: (destination) => `Wir senden den Code an ${destination}.`,
  signaturePromptCodeFormat: (length, f) => `Geben Sie den ${f.number(length)}-stelligen Code ein.`,
  signaturePromptResendReady: 'Sie können jetzt einen neuen Code anfordern.',
  signaturePromptPhoneHint: 'Beginnen Sie mit + und der Ländervorwahl, zum Beispiel +49 151 23456789.',

  // Documents
  fileChoose: 'Datei auswählen',
  fileChooseFor: (label) => `Datei auswählen: ${label}`,
  fileAddPage: 'Seite hinzufügen',
  fileAddPageFor: (label) => `Seite hinzufügen: ${label}`,
  fileReplace: 'Ersetzen',
  fileReplaceFor: (label) => `Ersetzen: ${label}`,
  fileTakePhoto: 'Foto aufnehmen',
  fileTakePhotoFor: (label) => `Foto aufnehmen: ${label}`,
  fileDropHint: 'oder ziehen Sie die Datei hierher',
  filePageOf: (index, label, f) => `${label}, Seite ${f.number(index)}`,
  filePages: (count, f) => f.plural(count, { one: `${f.number(count)} Seite`, other: `${f.number(count)} Seiten` }),
  fileChecking: 'Datei wird geprüft…',
  fileUploadingFor: (role) => `Wird hochgeladen: ${role}`,
  fileCancel: 'Hochladen abbrechen',
  fileRetry: 'Erneut hochladen',
  fileRetake: 'Neu aufnehmen',
  fileRetakeFor: (role) => `Neu aufnehmen: ${role}`,
  fileCancelFor: (role) => `Hochladen abbrechen: ${role}`,
  fileRetryFor: (role) => `Erneut hochladen: ${role}`,
  fileUploadedFor: (role) => `Hochgeladen: ${role}`,
  fileTooManyPages: (count, f) => `Sie können diesem Dokument höchstens ${f.number(count)} Seiten hinzufügen.`,
  fileRemove: 'Entfernen',
  fileRemoveFor: (role) => `Entfernen: ${role}`,
  fileEmpty: 'Diese Datei ist leer. Bitte wählen Sie eine andere.',
  fileTooBig: (megabytes, f) =>
    `Diese Datei ist größer als ${f.number(megabytes)} MB. ` + 'Bitte wählen Sie eine kleinere Datei oder nehmen Sie ein neues Foto auf.',
  fileUnsupported: 'Dieser Dateityp wird nicht angenommen. Bitte wählen Sie ein Foto (JPEG, PNG, HEIC oder WebP) oder eine PDF-Datei.',
  fileMismatch:
    'Der Inhalt dieser Datei passt nicht zu ihrem Namen (zum Beispiel ein PDF mit der Endung .jpg). ' +
    'Bitte wählen Sie die Originaldatei.',
  fileCorrupted: 'Diese Datei ist beschädigt oder unvollständig. Bitte wählen Sie eine andere.',
  fileUndecodable: 'Dieses Bild kann nicht geöffnet werden. Bitte nehmen Sie ein neues Foto auf oder wählen Sie eine andere Datei.',
  fileTooManyPixels: 'Dieses Bild ist zu groß für die Verarbeitung. Bitte wählen Sie ein kleineres.',
  fileDuplicate: 'Diese Datei wurde für dieses Dokument bereits hochgeladen. Bitte wählen Sie eine andere.',
  fileTooMany: 'Ihrem Antrag können keine weiteren Dateien hinzugefügt werden. Bitte wenden Sie sich an den Support.',
  fileUploadPending: 'Bitte warten Sie, bis das Hochladen abgeschlossen ist.',
  fileProblemPending: 'Bitte entfernen oder ersetzen Sie die Datei, die nicht verwendet werden konnte.',
  noBackSide: 'Mein Dokument hat keine Rückseite',
  noBackSideHelp: 'Das Foto der Vorderseite wird noch einmal als Rückseite gesendet.',
  noBackSideFrontAgain: 'Bitte wählen Sie das Foto der Vorderseite noch einmal aus: Es wird als Rückseite gesendet.',

  // Steps that later issues fill in
  livenessLoading: 'Die Lebenderkennung wird geladen…',
  livenessChecking: 'Das Ergebnis Ihrer Lebenderkennung wird geprüft…',
  livenessFailed: 'Die Lebenderkennung konnte nicht geladen werden oder wurde mit einem Fehler beendet. Bitte versuchen Sie es erneut.',
  livenessOnPhone: 'Oder führen Sie die Prüfung auf Ihrem Smartphone durch: Scannen Sie diesen Code oder öffnen Sie den Link.',
  livenessQrLabel: 'QR-Code des Links zur Lebenderkennung',
  livenessOpenLink: 'Prüfung in einem neuen Tab öffnen',
  livenessOnThisDevice: 'Oder führen Sie die Prüfung auf der Seite von Sumsub durch.',
  livenessOpenHere: 'Prüfung hier öffnen',
  livenessDone: 'Erledigt',
  livenessFrameTitle: 'Lebenderkennung von Sumsub',
  livenessLater: 'Eine kurze Selfie-Videoprüfung mit Ihrer Kamera',
  livenessRequired: 'Führen Sie die Lebenderkennung durch, um fortzufahren.',

  // The welcome
  welcomeTitle: 'Bevor Sie beginnen',
  welcomeIntro: 'Wir müssen Ihre Identität bestätigen. Das brauchen Sie dafür:',
  needAnswers: 'Einige Angaben zu Ihrer Person',
  needIdentityDocument: 'Ihr Ausweisdokument, zum Fotografieren oder Hochladen',
  needProofOfAddress: 'Einen Adressnachweis der letzten drei Monate, etwa eine Versorgerrechnung oder einen Kontoauszug',
  needProofOfFunds: 'Ein Dokument, das zeigt, woher Ihr Geld stammt, etwa eine Gehaltsabrechnung',
  needOtherDocuments: 'Die weiteren Dokumente, nach denen die Schritte fragen, zum Fotografieren oder Hochladen',
  needPhone: 'Ihr Mobiltelefon, um Bestätigungscodes per SMS zu erhalten',
  needEmail: 'Zugang zu Ihrem E-Mail-Postfach, um Bestätigungscodes zu erhalten',
  needCamera: 'Ein Gerät mit Kamera, für ein kurzes Selfie-Video',
  welcomeTime: (minutes, f) =>
    f.plural(minutes, { one: 'Es dauert etwa eine Minute.', other: `Es dauert etwa ${f.number(minutes)} Minuten.` }),
  welcomeResume: 'Sie können jederzeit unterbrechen: Was Sie gespeichert haben, bleibt erhalten, und Sie können später weitermachen.',
  welcomePrivacy: 'Wie wir Ihre Daten verwenden',
  welcomeStart: 'Beginnen',
  consentDefault:
    'Ich bin damit einverstanden, dass meine personenbezogenen Daten, meine Dokumente und ein Video meines Gesichts zur Überprüfung meiner Identität verarbeitet werden, wie in der Datenschutzerklärung beschrieben.',
  consentRequired: 'Setzen Sie das Häkchen, um zuzustimmen, bevor Sie beginnen.',

  // The review: what is required and not done
  notDone: 'Nicht erledigt',
  complete: 'Erledigen',
  completeAnswer: (question) => `${question} erledigen`,
  reviewMissingTitle: (count, f) =>
    f.plural(count, {
      one: 'Eine erforderliche Angabe fehlt noch. Ergänzen Sie sie, um Ihren Antrag zu senden:',
      other: `${f.number(count)} erforderliche Angaben fehlen noch. Ergänzen Sie sie, um Ihren Antrag zu senden:`,
    }),

  // A stored document the identity check could not use
  documentNoteSaved:
    'Ihr Dokument ist gespeichert, aber die Identitätsprüfung hat einen Hinweis dazu (daneben angezeigt). Sie können eine andere Datei wählen oder mit „Weiter“ fortfahren.',
  fileStoredWithNote: 'Hochgeladen, mit einem Hinweis der Identitätsprüfung',

  // A photo's quality checks
  qualityResolution: 'Das Foto hat zu wenige Pixel: Gehen Sie näher heran oder nutzen Sie die volle Auflösung der Kamera.',
  qualityCutOff: 'Ein Teil des Dokuments ist abgeschnitten: Zeigen Sie alle vier Ecken.',
  qualityTooSmall: 'Das Dokument ist auf dem Foto zu klein: Gehen Sie näher heran, bis es das Bild füllt.',
  qualityBlur: 'Das Foto ist unscharf: Halten Sie Dokument und Kamera ruhig und fotografieren Sie erneut.',
  qualityDark: 'Das Foto ist zu dunkel: Gehen Sie an einen helleren Ort.',
  qualityBright: 'Das Foto ist überbelichtet: Meiden Sie direktes Licht.',
  qualityGlare: 'Licht spiegelt sich auf dem Dokument: Neigen Sie es etwas oder schalten Sie den Blitz aus.',
  qualityMaySend: 'Sie können es so senden, aber es wird möglicherweise abgelehnt.',
  qualityExample: 'Beispiel für ein gutes Foto: das ganze Dokument im Bild, gerade, scharf und gleichmäßig beleuchtet',
  qualityExampleCaption: 'Ein gutes Foto zeigt das ganze Dokument mit etwas Rand, jedes Wort scharf, ohne Spiegelungen.',

  // The document camera
  captureTitle: (label) => `Foto: ${label}`,
  captureReviewTitle: (label) => `Foto prüfen: ${label}`,
  captureInstructions:
    'Legen Sie das Dokument auf eine dunkle, einfarbige Fläche in gutem Licht und halten Sie die Kamera darüber. Das Foto wird von selbst aufgenommen, sobald das Dokument im Rahmen und scharf ist.',
  captureStarting: 'Die Kamera wird gestartet…',
  captureDark: 'Zu dunkel: Gehen Sie an einen helleren Ort.',
  captureBright: 'Zu hell: Gehen Sie aus dem direkten Licht.',
  captureGlare: 'Spiegelung auf dem Dokument: Neigen Sie es ein wenig.',
  captureFit: 'Weiter weg: Das ganze Dokument muss im Rahmen sein.',
  captureCloser: 'Näher heran: Das Dokument soll den Rahmen füllen.',
  captureStill: 'Halten Sie still.',
  captureBlur: 'Halten Sie still: Das Bild ist noch nicht scharf.',
  captureReady: 'Gut. Halten Sie still…',
  captureShutter: 'Foto aufnehmen',
  captureShutterFor: (label) => `Foto aufnehmen: ${label}`,
  captureClose: 'Kamera schließen',
  capturePreviewLabel: (label) => `Das aufgenommene Foto: ${label}`,
  captureReviewHint: 'Prüfen Sie, ob das ganze Dokument auf dem Foto ist und jedes Wort lesbar ist.',
  captureUse: 'Dieses Foto verwenden',
  captureUseAnyway: 'Trotzdem verwenden',
  captureRetake: 'Neu aufnehmen',
  captureRefused: 'Dieses Foto kann nicht verwendet werden: Bitte nehmen Sie es neu auf.',
  captureNextSide: (label) => `Jetzt: ${label}.`,
  captureCameraRefused:
    'Die Kamera darf auf dieser Seite nicht verwendet werden. Wählen Sie stattdessen ein Foto oder eine Datei, oder erlauben Sie die Kamera in den Einstellungen Ihres Browsers und versuchen Sie es erneut.',
  captureCameraMissing: 'Es wurde keine Kamera gefunden. Wählen Sie stattdessen ein Foto oder eine Datei.',
  captureCameraBusy:
    'Die Kamera wird von einer anderen App verwendet. Schließen Sie diese und versuchen Sie es erneut, oder wählen Sie eine Datei.',
  captureChooseFile: 'Stattdessen eine Datei wählen',
  captureTryAgain: 'Kamera erneut versuchen',
  captureOpen: 'Kamera öffnen',

  // The hand-off to a phone
  handoffStart: 'Auf dem Smartphone fortfahren',
  handoffTitle: 'Auf dem Smartphone fortfahren',
  handoffBody:
    'Scannen Sie diesen Code mit der Kamera Ihres Smartphones oder öffnen Sie den Link dort. Machen Sie die Fotos auf dem Smartphone: Diese Seite geht von selbst weiter, sobald sie gesendet sind. Der Link gilt einmal, 10 Minuten lang.',
  handoffQrLabel: 'QR-Code des Links zum Fortfahren auf dem Smartphone',
  handoffLink: 'Der Link zum Öffnen auf Ihrem Smartphone',
  handoffWaiting: 'Warten auf die Dokumente von Ihrem Smartphone…',
  handoffStop: 'Stattdessen hier fortfahren',
  handoffExpired:
    'Der Link ist abgelaufen und lässt sich nicht mehr öffnen. Hat Ihr Smartphone ihn rechtzeitig geöffnet, fahren Sie dort fort; sonst erstellen Sie einen neuen Link.',
  handoffNewLink: 'Neuen Link erstellen',

  // The guide's attribute keys
  guidePassport: 'Reisepass',
  guidePassportHelp: 'Ein Foto oder Scan der Seite mit Ihrem Bild, alle vier Ecken sichtbar.',
  guideIdCardFront: 'Personalausweis: Vorderseite',
  guideIdCardBack: 'Personalausweis: Rückseite',
  guideDriverLicenseFront: 'Führerschein: Vorderseite',
  guideDriverLicenseBack: 'Führerschein: Rückseite',
  guideResidencePermitFront: 'Aufenthaltstitel: Vorderseite',
  guideResidencePermitBack: 'Aufenthaltstitel: Rückseite',
  guideFrontHelp: 'Die Seite mit Ihrem Foto.',
  guideBackHelp: 'Die andere Seite desselben Dokuments.',
  guideProofOfAddress: 'Adressnachweis',
  guideProofOfAddressHelp:
    'Eine Versorgerrechnung, ein Kontoauszug oder ein amtliches Schreiben der letzten drei Monate mit Ihrem Namen und Ihrer Adresse.',
  guideProofOfFunds: 'Nachweis der Mittelherkunft',
  guideProofOfFundsHelp:
    'Ein Dokument, das zeigt, woher Ihr Geld stammt, etwa eine Gehaltsabrechnung, ein Kontoauszug oder ein Kaufvertrag.',
  guideLiveness: 'Lebenderkennung',
  guideLivenessHelp: 'Ein kurzes Selfie-Video mit Ihrer Kamera, das bestätigt, dass Sie die Person in Ihren Dokumenten sind.',
  guideLivenessLink: 'Link zur Lebenderkennung',
  guideLivenessLinkHelp: 'Öffnen Sie ihn auf einem Gerät mit Kamera, um die Prüfung durchzuführen.',
} satisfies KycTranslation;

export default translation;
