import type { KycApiError, KycApplicationQuestion, KycClient } from '../api/index.js';
import { DocumentFiles, type DocumentFilesSettings } from './document-files.js';

/** What the documents need of the flow. */
export interface DocumentsHost {
  client(): KycClient | null;
  /** Where the uploads' events are fired. */
  readonly events: EventTarget;
  /** The answer as the person sees it (typed, else stored). */
  valueOf(question: KycApplicationQuestion): string;
  /** Takes a document's uuid as the answer of its question. */
  setAnswer(key: string, value: string): void;
  /** Something shown changed. */
  changed(): void;
}

/**
 * The documents of the application on screen, owned by the flow: the files chosen for each
 * document question ({@link DocumentFiles}, kept across the steps until the application changes),
 * what the person said of two-sided documents ("no back side"), and the making of the step's
 * documents when it is saved — the back side of a single-sided document made from the front's
 * picture, once per front document.
 */
export class Documents {
  /** Two-sided documents the person said have no back side, by the key of their front side. */
  noBackSide: ReadonlySet<string> = new Set();
  /** Why the back side could not be made from the front's picture (shown by the pair). */
  backSideError: KycApiError | null = null;
  /** The question whose document could not be made at the last save (it takes the focus), or null. */
  failed: string | null = null;

  readonly #host: DocumentsHost;
  readonly #files = new Map<string, DocumentFiles>();
  /** Back sides made from a front document, by the front's key: made once per front document. */
  readonly #backSides = new Map<string, { front: string; back: string }>();
  /** Settings every document's files start with (the widget's attributes). */
  #defaults: Partial<DocumentFilesSettings> = {};

  constructor(host: DocumentsHost) {
    this.#host = host;
  }

  /** The settings every document's files take (the widget's `max-file-size` and the like). */
  configure(defaults: Partial<DocumentFilesSettings>): void {
    this.#defaults = defaults;
  }

  /** The files of a document question, kept from the first time they are asked for. */
  filesOf(key: string): DocumentFiles {
    let files = this.#files.get(key);
    if (!files) {
      const host = this.#host;
      files = new DocumentFiles(key, { client: () => host.client(), events: host.events }, this.#defaults);
      files.subscribe((change) => {
        if (change !== 'progress') host.changed();
      });
      this.#files.set(key, files);
    }
    return files;
  }

  /** Says whether a two-sided document has no back side. */
  setNoBackSide(frontKey: string, on: boolean): void {
    const next = new Set(this.noBackSide);
    if (on) next.add(frontKey);
    else next.delete(frontKey);
    this.noBackSide = next;
    this.#host.changed();
  }

  /**
   * Whether the back side is made from the front's picture (and not asked): the person said there
   * is none, and the front's picture is here — unless the front was stored in an earlier visit and
   * the back side is missing, when the back question asks for that picture again.
   */
  backFromFront(front: KycApplicationQuestion, back: KycApplicationQuestion): boolean {
    if (!this.noBackSide.has(front.attribute.key)) return false;
    const frontFiles = this.#files.get(front.attribute.key)?.files.length ?? 0;
    return frontFiles > 0 || this.#host.valueOf(front) === '' || this.#host.valueOf(back) !== '';
  }

  /**
   * Makes the documents of a step's questions from the files uploaded for them, each answer set
   * to its document's uuid, so the save stores them. Resolves false when one could not be made
   * (shown by its question, which {@link failed} names).
   */
  async make(questions: readonly KycApplicationQuestion[]): Promise<boolean> {
    this.failed = null;
    this.backSideError = null;
    for (const question of questions) {
      if (question.attribute.type !== 'document') continue;
      const { key } = question.attribute;
      const back = backSideOf(question, questions);
      if (back && this.backFromFront(question, back)) {
        // The back side is not asked: made from the front's picture, after the front.
        if (!(await this.#commit(question))) return false;
        try {
          await this.#makeBackSide(question, back);
        } catch (error) {
          this.backSideError = error as KycApiError;
          this.#fail(key);
          return false;
        }
        continue;
      }
      const front = this.#frontOf(question, questions);
      if (front && this.backFromFront(front, question)) continue; // made with its front side
      if (!(await this.#commit(question))) return false;
    }
    return true;
  }

  /** Whether files were chosen that no stored document holds yet (leaving now would lose them). */
  get unsaved(): boolean {
    return [...this.#files.values()].some((files) => files.items.length > 0 && !files.committed);
  }

  /** Forgets everything (another application, or the widget left the page): uploads stop. */
  reset(): void {
    for (const files of this.#files.values()) files.clear();
    this.#files.clear();
    this.#backSides.clear();
    this.noBackSide = new Set();
    this.backSideError = null;
    this.failed = null;
  }

  async #commit(question: KycApplicationQuestion): Promise<boolean> {
    const files = this.#files.get(question.attribute.key);
    if (!files) return true;
    try {
      const document = await files.commit();
      if (document && files.committed) this.#host.setAnswer(question.attribute.key, document);
      return true;
    } catch {
      this.#fail(question.attribute.key);
      return false;
    }
  }

  /**
   * Sends the front side's files again as the back side's document, and keeps its uuid as the
   * back's answer — once per front document (a save that failed after it must not make another:
   * Sumsub refuses the same picture twice for one side).
   */
  async #makeBackSide(front: KycApplicationQuestion, back: KycApplicationQuestion): Promise<void> {
    const frontKey = front.attribute.key;
    const files = this.#files.get(frontKey)?.files ?? [];
    const frontDocument = this.#host.valueOf(front);
    if (files.length === 0 || this.#backSides.get(frontKey)?.front === frontDocument) return;
    const made = await this.filesOf(back.attribute.key).commitCopyOf(files);
    if (!made) return;
    this.#backSides.set(frontKey, { front: frontDocument, back: made });
    this.#host.setAnswer(back.attribute.key, made);
  }

  #frontOf(back: KycApplicationQuestion, questions: readonly KycApplicationQuestion[]): KycApplicationQuestion | undefined {
    return questions.find((question) => backSideOf(question, questions) === back);
  }

  #fail(key: string): void {
    this.failed = key;
    this.#host.changed();
  }
}

/** The key of a document's back side, for the key of its front side (`id_card_front_side` → `id_card_back_side`). */
export function backSideKey(frontKey: string): string | null {
  return frontKey.endsWith('_front_side') ? `${frontKey.slice(0, -'_front_side'.length)}_back_side` : null;
}

/** The back side asked on the same step as a document's front side. */
export function backSideOf(
  front: KycApplicationQuestion,
  questions: readonly KycApplicationQuestion[],
): KycApplicationQuestion | undefined {
  if (front.attribute.type !== 'document') return undefined;
  const key = backSideKey(front.attribute.key);
  return key ? questions.find((question) => question.attribute.key === key && question.attribute.type === 'document') : undefined;
}

/** Keys of back sides shown beside their front side (not on their own). */
export function backSideKeys(questions: readonly KycApplicationQuestion[]): Set<string> {
  return new Set(questions.flatMap((question) => backSideOf(question, questions)?.attribute.key ?? []));
}
