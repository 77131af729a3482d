// The autosave's schedule, with a host the test plays (no platform): a pause after the last change,
// one store at a time, an answer typed again during a store stored after it, refused answers left
// for Continue, no retry loop while the platform is unreachable, and a flush when the page hides.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { KycAttributeChange } from '../../src/api/index.js';
import { Autosave, AUTOSAVE_AFTER_MS } from '../../src/flow/autosave.js';
import { fakeClock } from '../helpers/clock.js';

/** Lets promise reactions run (a store's answer reaching the autosave). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A flow as the autosave sees it: drafts, a store the test answers, and what it was asked. */
function harness() {
  const clock = fakeClock();
  const drafts = new Map<string, string>();
  const stores: KycAttributeChange[][] = [];
  let answer: (changes: KycAttributeChange[]) => Promise<string[]> = async (changes) => {
    for (const { key, value } of changes) if (drafts.get(key) === value) drafts.delete(key);
    return [];
  };
  let idle = true;
  const autosave = new Autosave({
    clock: () => clock,
    idle: () => idle,
    changesOf: (keys) => [...keys].filter((key) => drafts.has(key)).map((key) => ({ key, value: drafts.get(key)! })),
    store: (changes) => {
      stores.push(changes);
      return answer(changes);
    },
  });
  const type = (key: string, value: string, valid = true) => {
    drafts.set(key, value);
    autosave.changed(key, valid);
  };
  return {
    clock,
    drafts,
    stores,
    autosave,
    type,
    answerWith: (next: typeof answer) => (answer = next),
    setIdle: (value: boolean) => (idle = value),
  };
}

describe('Autosave', () => {
  test('stores valid answers after a pause from the last change, never an invalid one', async () => {
    const { clock, stores, type } = harness();
    type('first_name', 'Jane');
    await clock.advance(AUTOSAVE_AFTER_MS - 1);
    type('last_name', 'Doe');
    type('date_of_birth', '3199', false);
    await clock.advance(AUTOSAVE_AFTER_MS - 1);
    assert.deepEqual(stores, [], 'nothing before a pause');
    await clock.advance(1);
    assert.deepEqual(stores, [
      [
        { key: 'first_name', value: 'Jane' },
        { key: 'last_name', value: 'Doe' },
      ],
    ]);
  });

  test('an answer typed again during a store is stored after it', async () => {
    const { clock, drafts, stores, type, answerWith } = harness();
    let release = () => {};
    answerWith(
      (changes) =>
        new Promise((resolve) => {
          release = () => {
            for (const { key, value } of changes) if (drafts.get(key) === value) drafts.delete(key);
            resolve([]);
          };
        }),
    );
    type('first_name', 'Jan');
    await clock.advance(AUTOSAVE_AFTER_MS);
    type('first_name', 'Jane'); // while "Jan" is on its way
    await clock.advance(AUTOSAVE_AFTER_MS); // the pause ends during the store: it waits
    assert.equal(stores.length, 1);
    release();
    await settle();
    await clock.advance(AUTOSAVE_AFTER_MS);
    release();
    await settle();
    assert.deepEqual(
      stores.map((changes) => changes.map(({ value }) => value)),
      [['Jan'], ['Jane']],
    );
    assert.equal(drafts.size, 0, 'the newest is stored');
  });

  test('answers the platform refused wait for Continue; the others go on being stored', async () => {
    const { clock, stores, type, answerWith, drafts } = harness();
    answerWith(async (changes) => (changes.some(({ key }) => key === 'postal_code') ? ['postal_code'] : []));
    type('postal_code', '!!');
    type('city', 'Riga');
    await clock.advance(AUTOSAVE_AFTER_MS);
    answerWith(async (changes) => {
      for (const { key, value } of changes) if (drafts.get(key) === value) drafts.delete(key);
      return [];
    });
    type('address', 'Brivibas iela 1');
    await clock.advance(AUTOSAVE_AFTER_MS);
    assert.deepEqual(
      stores.map((changes) => changes.map(({ key }) => key)),
      [
        ['postal_code', 'city'],
        ['city', 'address'],
      ],
    );
  });

  test('after a failed store, nothing is tried again until the next change', async () => {
    const { clock, stores, type, answerWith } = harness();
    answerWith(() => Promise.reject(new Error('offline')));
    type('city', 'Riga');
    await clock.advance(AUTOSAVE_AFTER_MS * 10);
    assert.equal(stores.length, 1, 'no loop while the platform is out of reach');
    assert.deepEqual(clock.pending(), []);
    type('address', 'Brivibas iela 1');
    await clock.advance(AUTOSAVE_AFTER_MS);
    assert.equal(stores.length, 2);
  });

  test('a store that cannot start (a request of the flow, a code asked) is tried after the next pause', async () => {
    const { clock, stores, type, setIdle } = harness();
    setIdle(false);
    type('city', 'Riga');
    await clock.advance(AUTOSAVE_AFTER_MS);
    assert.deepEqual(stores, []);
    setIdle(true);
    await clock.advance(AUTOSAVE_AFTER_MS);
    assert.equal(stores.length, 1);
  });

  test('a flush (the page hidden, the widget leaving) stores at once what waits for the pause', async () => {
    const { clock, stores, type, autosave } = harness();
    type('city', 'Riga');
    autosave.flush();
    await settle();
    assert.equal(stores.length, 1);
    assert.deepEqual(clock.pending(), []);
    autosave.flush();
    await settle();
    assert.equal(stores.length, 1, 'nothing waits: nothing more');
  });
});
