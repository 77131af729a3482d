// What the platform's guide (../shared/reference/platform-kyc-flow.txt) fixes, for both sides: the
// widget recognises these keys as documents whatever type the platform gives them, and the
// sandbox asks and accepts documents under them.

/** The attribute keys the guide names as documents to upload. */
export const GUIDE_DOCUMENT_KEYS: readonly string[] = [
  'passport',
  'id_card_front_side',
  'id_card_back_side',
  'driver_license_front_side',
  'driver_license_back_side',
  'residence_permit_license_front_side',
  'residence_permit_license_back_side',
  'proof_of_address',
  'proof_of_funds',
];
