import { useDeferredValue, useMemo } from 'react';
import { analyze, type Analysis } from '../../shared/guidance/analyze.js';
import { useLibrary } from './libraryStore.js';

/** The guidance engine's reading of the customer's words, a frame behind the typing so it never lags. */
export function useAnalysis(text: string): { analysis: Analysis; text: string } {
  const lexicon = useLibrary((s) => s.library.lexicon);
  const deferred = useDeferredValue(text);
  const analysis = useMemo(() => analyze(deferred, undefined, lexicon), [deferred, lexicon]);
  return { analysis, text: deferred };
}
