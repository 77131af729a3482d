// What the flow knows of a step's liveness check: whether the platform says it is done, read from
// the application or, when that read says nothing (volatile fields emptied), from the check's
// attributes themselves (their token not renewed).
import type { KycApplication, KycAttribute, KycClient } from '../api/index.js';
import { isLiveness, isLivenessDone } from '../internal/answer.js';

/** The step asks for a liveness check and the platform does not say it is done. */
export function livenessPending(application: KycApplication | null, index: number): boolean {
  const liveness = (application?.steps[index]?.questions ?? []).filter(({ attribute }) => isLiveness(attribute));
  return liveness.length > 0 && !liveness.some(({ attribute }) => isLivenessDone(attribute));
}

/** The application with what the liveness attributes of a step say of the check, read one by one. */
export async function withLivenessResult(
  client: KycClient,
  application: KycApplication,
  index: number,
  signal: AbortSignal,
): Promise<KycApplication> {
  const keys = (application.steps[index]?.questions ?? []).filter(({ attribute }) => isLiveness(attribute)).map((q) => q.attribute.key);
  const results = new Map<string, KycAttribute>();
  for (const key of keys) {
    const attribute = await client.getAttribute(application.uuid, key, { ttlRenew: false, signal }).catch(() => null);
    if (attribute && isLivenessDone(attribute)) results.set(key, attribute);
  }
  if (results.size === 0) return application;
  return {
    ...application,
    steps: application.steps.map((step) => ({
      ...step,
      questions: step.questions.map((question) => {
        const result = results.get(question.attribute.key);
        return result ? { ...question, attribute: { ...question.attribute, verification: result.verification } } : question;
      }),
    })),
  };
}
