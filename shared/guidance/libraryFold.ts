import { z } from 'zod';
import { byHlc } from '../fold.js';
import type { EventEnvelope } from '../events.js';
import { SHIPPED_LIBRARY, ScriptLibrary, StandardAnswer, type Library } from './library.js';
import { LexiconExtension } from './lexicons.js';
import type { ReferenceItem } from '../referenceItem.js';
import { FieldCatalogue, SHIPPED_CATALOGUE } from '../fieldCatalogue.js';

/** What a publish event carries: a whole new version of the scripts, or of one standard answer. */
export const LibraryEventPayloads = {
  lexicon_published: z.object({ lexicon: LexiconExtension }),
  scripts_published: z.object({ scripts: ScriptLibrary }),
  answer_published: z.object({ answer: StandardAnswer }),
  /** The parts and fault categories technicians pick from onsite. */
  catalogue_published: z.object({ catalogue: FieldCatalogue }),
} as const;

export type LibraryItem = ReferenceItem<'scripts' | 'answer' | 'lexicon' | 'catalogue'>;

/** The published items, the highest version of each winning (HLC order breaks a tie). */
export function foldLibrary(events: readonly EventEnvelope[]): LibraryItem[] {
  const items = new Map<string, LibraryItem>();
  const keep = (item: LibraryItem) => {
    const key = `${item.kind}:${item.itemId}`;
    const current = items.get(key);
    if (!current || item.version >= current.version) items.set(key, item);
  };
  for (const event of [...events].sort(byHlc)) {
    if (event.type === 'scripts_published') {
      const p = LibraryEventPayloads.scripts_published.safeParse(event.payload);
      if (p.success) keep({ kind: 'scripts', itemId: 'scripts', version: p.data.scripts.version, data: p.data.scripts });
    } else if (event.type === 'lexicon_published') {
      const p = LibraryEventPayloads.lexicon_published.safeParse(event.payload);
      if (p.success) keep({ kind: 'lexicon', itemId: 'lexicon', version: p.data.lexicon.version, data: p.data.lexicon });
    } else if (event.type === 'catalogue_published') {
      const p = LibraryEventPayloads.catalogue_published.safeParse(event.payload);
      if (p.success) keep({ kind: 'catalogue', itemId: 'catalogue', version: p.data.catalogue.version, data: p.data.catalogue });
    } else if (event.type === 'answer_published') {
      const p = LibraryEventPayloads.answer_published.safeParse(event.payload);
      if (p.success) keep({ kind: 'answer', itemId: p.data.answer.id, version: p.data.answer.version, data: p.data.answer });
    }
  }
  return [...items.values()];
}

/** The shipped library with every published item laid over it. */
export function effectiveLibrary(items: readonly LibraryItem[]): Library {
  const scripts = items.find((i) => i.kind === 'scripts');
  const lexicon = items.find((i) => i.kind === 'lexicon');
  const catalogue = items.find((i) => i.kind === 'catalogue');
  const answers = new Map(SHIPPED_LIBRARY.answers.map((a) => [a.id, a]));
  for (const item of items) {
    if (item.kind !== 'answer') continue;
    const answer = item.data as StandardAnswer;
    if (!answers.has(answer.id) || answers.get(answer.id)!.version <= answer.version) answers.set(answer.id, answer);
  }
  return {
    scripts: scripts && (scripts.data as ScriptLibrary).version > SHIPPED_LIBRARY.scripts.version ? (scripts.data as ScriptLibrary) : SHIPPED_LIBRARY.scripts,
    answers: [...answers.values()],
    wording: SHIPPED_LIBRARY.wording,
    // Parsed, not cast: a version stored before complaint words existed gets an empty list of them.
    lexicon: lexicon ? LexiconExtension.parse(lexicon.data) : SHIPPED_LIBRARY.lexicon,
    catalogue: catalogue && (catalogue.data as FieldCatalogue).version > SHIPPED_CATALOGUE.version ? (catalogue.data as FieldCatalogue) : SHIPPED_CATALOGUE,
  };
}
