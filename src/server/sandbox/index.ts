/**
 * The sandbox: an in-process, in-memory emulator of the platform's KYC API (platform-api.md), with
 * a control API under `/sandbox/v1/` to drive reviews, inspect state and inject faults.
 *
 * @example
 * const sandbox = createSandbox();
 * const client = sandbox.demoClients[0];
 * const answer = await sandbox.fetch(new Request(
 *   `http://sandbox.test/v1/clients/kyc-level-info/?legal_entity_uuid=${client.legal_entity_uuid}&client_uuid=${client.client_uuid}`,
 * ));
 */

export { createSandbox, type ApplicationOwner, type Sandbox, type SandboxOptions } from './sandbox.js';
export type {
  ApplicationInspection,
  CreateClientRequest,
  CreateClientResponse,
  DemoClient,
  LivenessByTokenRequest,
  LivenessByUrlRequest,
  LivenessRequest,
  RequestLogEntry,
  SetStatusRequest,
  TestCompletedRequest,
} from './control.js';
export type { Dialect } from './dialect.js';
export type { FaultKind, FaultRequest } from './traffic.js';
export { SANDBOX_SIGN_CODE } from './signatures.js';
export { SANDBOX_MAX_FILE_BYTES, type UploadReadStats } from './documents.js';
