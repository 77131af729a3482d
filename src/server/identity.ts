/**
 * Who a request to the platform is made for. The host proxy takes it from the partner's own
 * session (never from the browser) and writes it over whatever the browser sent.
 */
export interface KycIdentity {
  legalEntityUuid: string;
  clientUuid: string;
}
