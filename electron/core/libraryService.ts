import type { Db } from '../../db/open.js';
import { libraryItems } from '../../db/referenceQueries.js';
import { LIBRARY_ENTITY_ID } from '../../shared/events.js';
import { effectiveLibrary } from '../../shared/guidance/libraryFold.js';
import type { Library, ScriptLibrary, StandardAnswer } from '../../shared/guidance/library.js';
import type { LexiconExtension } from '../../shared/guidance/lexicons.js';
import type { FieldCatalogue } from '../../shared/fieldCatalogue.js';
import type { StaffView } from '../../shared/referenceFold.js';
import type { EventWriter } from './eventWriter.js';
import { requireRole } from './staffService.js';

/** Scripts and standard answers: shipped as data, edited by managers, published as new versions. */
export function createLibraryService(db: Db, writer: EventWriter) {
  const current = (): Library => effectiveLibrary(libraryItems(db));
  return {
    current,
    publishAnswer(by: StaffView, answer: Omit<StandardAnswer, 'version'>): Library {
      requireRole(by, ['manager']);
      const previous = current().answers.find((a) => a.id === answer.id);
      const next = { ...answer, version: (previous?.version ?? 0) + 1 };
      writer.write([{ entity: 'library', entityId: LIBRARY_ENTITY_ID, type: 'answer_published', payload: { answer: next } }], by);
      return current();
    },
    publishLexicon(by: StaffView, lexicon: Omit<LexiconExtension, 'version'>): Library {
      requireRole(by, ['manager']);
      const next = { ...lexicon, version: current().lexicon.version + 1 };
      writer.write([{ entity: 'library', entityId: LIBRARY_ENTITY_ID, type: 'lexicon_published', payload: { lexicon: next } }], by);
      return current();
    },
    publishCatalogue(by: StaffView, catalogue: Omit<FieldCatalogue, 'version'>): Library {
      requireRole(by, ['manager']);
      const next = { ...catalogue, version: current().catalogue.version + 1 };
      writer.write([{ entity: 'library', entityId: LIBRARY_ENTITY_ID, type: 'catalogue_published', payload: { catalogue: next } }], by);
      return current();
    },
    publishScripts(by: StaffView, scripts: Omit<ScriptLibrary, 'version'>): Library {
      requireRole(by, ['manager']);
      const next = { ...scripts, version: current().scripts.version + 1 };
      writer.write([{ entity: 'library', entityId: LIBRARY_ENTITY_ID, type: 'scripts_published', payload: { scripts: next } }], by);
      return current();
    },
  };
}
