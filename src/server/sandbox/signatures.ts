/**
 * Client signatures: `POST /v1/signatures/send-code/` (platform-api.md 11) and the check of
 * `sms_sign_code` / `email_sign_code` on the calls that need them.
 */

import { isUuid, noContent } from '../http-util.js';
import { fieldErrors, notFound, readJsonObject } from './http.js';
import { clientInScope, type PlatformContext } from './context.js';
import type { SignProvider } from './seed.js';
import type { Application } from './store.js';
import { validateAnswer } from './validation.js';

/** The one code the sandbox sends, by SMS or e-mail alike [seed]. */
export const SANDBOX_SIGN_CODE = '111111';

const PROVIDERS: readonly SignProvider[] = ['sms', 'email'];
const CODE_PARAM: Record<SignProvider, string> = { sms: 'sms_sign_code', email: 'email_sign_code' };
/** The attribute holding where a provider's codes go. */
const CONTACT_ATTRIBUTE: Record<SignProvider, string> = { sms: 'phone', email: 'email' };

/**
 * 11. `POST /v1/signatures/send-code/` `{legal_entity_uuid?, object_uuid, provider_type, destination?}`
 * → 204. Arms one code per application and provider; `destination` is required while the client
 * has no phone number (SMS) or e-mail address (e-mail) on file, and must then be a valid one.
 * An `object_uuid` that is a uuid but not an application of this client is 404 `{"detail"}`, like
 * another client's application on every other endpoint.
 */
export async function sendCode(context: PlatformContext): Promise<Response> {
  const client = clientInScope(context);
  const body = await readJsonObject(context.request);
  const objectUuid = body['object_uuid'];
  const application = isUuid(objectUuid) ? client.applications.find((candidate) => candidate.uuid === objectUuid) : undefined;
  if (isUuid(objectUuid) && !application) throw notFound();
  const errors: Record<string, string[]> = {};
  const provider = body['provider_type'];
  if (provider === undefined || provider === null || provider === '') errors['provider_type'] = ['This field is required.'];
  else if (!PROVIDERS.includes(provider as SignProvider))
    errors['provider_type'] = [`"${typeof provider === 'string' ? provider : JSON.stringify(provider)}" is not a valid choice.`];
  if (objectUuid === undefined || objectUuid === null || objectUuid === '') errors['object_uuid'] = ['This field is required.'];
  else if (!application) errors['object_uuid'] = ['Must be a valid UUID.'];
  const entityUuid = body['legal_entity_uuid'];
  if (entityUuid !== undefined && entityUuid !== client.entity.uuid)
    errors['legal_entity_uuid'] = ['Does not match the legal entity of the request.'];
  const destination = body['destination'];
  if (destination !== undefined && destination !== null && typeof destination !== 'string') errors['destination'] = ['Not a valid string.'];
  if (Object.keys(errors).length > 0) throw fieldErrors(errors);

  const signProvider = provider as SignProvider;
  const contact = client.entity.attributes.get(CONTACT_ATTRIBUTE[signProvider])!;
  const target = typeof destination === 'string' ? destination.trim() : '';
  if (target === '' && !client.answers.has(contact.key)) {
    throw fieldErrors({ destination: [`This field is required: there is no ${contact.title.toLowerCase()} on file.`] });
  }
  const invalid = target === '' ? null : validateAnswer(contact, target, client, context.now);
  if (invalid !== null) throw fieldErrors({ destination: [invalid] });

  const state = application!.signCodes.get(signProvider) ?? { sends: 0, outstanding: false };
  application!.signCodes.set(signProvider, { sends: state.sends + 1, outstanding: true });
  return noContent();
}

/**
 * Checks the sign codes of a request against what it changes. Each requirement is a set of
 * providers any one of which signs it; one valid code signs every requirement it appears in.
 * A code is valid when it is {@link SANDBOX_SIGN_CODE} and one was sent for this application and
 * provider and not used yet.
 * @returns the providers whose codes were used (to consume once the change is saved).
 * @throws 400 on the code's parameter: "invalid" for a wrong code, "required" for a missing one.
 */
export function verifySignatures(
  application: Application,
  requirements: readonly (readonly SignProvider[])[],
  params: URLSearchParams,
): SignProvider[] {
  const errors: Record<string, string[]> = {};
  const valid = new Set<SignProvider>();
  for (const provider of new Set(requirements.flat())) {
    const code = params.get(CODE_PARAM[provider]) ?? '';
    if (code === '') continue;
    if (code === SANDBOX_SIGN_CODE && application.signCodes.get(provider)?.outstanding) valid.add(provider);
    else errors[CODE_PARAM[provider]] = ['The code is invalid, or none was requested: request a new code.'];
  }
  if (Object.keys(errors).length === 0) {
    for (const providers of requirements) {
      if (!providers.some((provider) => valid.has(provider))) {
        const alternatives = providers
          .slice(1)
          .map((provider) => ` (or ${CODE_PARAM[provider]})`)
          .join('');
        errors[CODE_PARAM[providers[0]]] = [`A confirmation code is required${alternatives}.`];
      }
    }
  }
  if (Object.keys(errors).length > 0) throw fieldErrors(errors);
  return [...valid];
}

/** Marks the codes of these providers used: the next change needs a new send-code. */
export function consumeCodes(application: Application, providers: readonly SignProvider[]): void {
  for (const provider of providers) {
    const state = application.signCodes.get(provider);
    if (state) state.outstanding = false;
  }
}
