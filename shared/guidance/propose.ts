import type { Classification, Severity } from '../classification.js';
import type { Analysis, Signal } from './analyze.js';
import { ESCALATING_SIGNALS, type GuidanceContent } from './lexicons.js';

/**
 * What the guidance proposes for a case's classification, for the clerk to confirm at intake or
 * in the classify dialog. The signals that make a case major travel with the proposal, so the
 * screen can say why ("媒体曝光：曝光").
 */
export interface ClassificationProposal {
  classification: Classification;
  /** The signals that make the case major (media, courts, regulator, safety, threats…). */
  majorBecause: Signal[];
}

const CONTENT: Record<GuidanceContent, Classification['content']> = {
  product_quality: 'product',
  attitude: 'attitude',
  service_quality: 'quality',
  timeliness: 'quality',
  billing: 'quality',
  incident: 'incident',
  other: 'quality',
};

const CAUSE: Record<GuidanceContent, Classification['cause']> = {
  product_quality: 'product_quality',
  attitude: 'staff_quality',
  service_quality: 'service_level',
  timeliness: 'timeliness',
  billing: 'commercial',
  incident: 'service_level',
  other: 'service_level',
};

/** Level 1 for a threat to go outside or a safety risk, level 2 for anger or a repeat, else level 3. */
function severityOf(analysis: Analysis, major: boolean): Severity {
  if (major || analysis.temperature === 3) return 1;
  if (analysis.temperature === 2 || analysis.signals.some((s) => s.kind === 'repeat' || s.kind === 'compensation')) return 2;
  return 3;
}

export function proposeClassification(analysis: Analysis): ClassificationProposal {
  const majorBecause = analysis.signals.filter((s) => ESCALATING_SIGNALS.includes(s.kind));
  const major = majorBecause.length > 0;
  return {
    classification: {
      severity: severityOf(analysis, major),
      major,
      nature: 'valid',
      communicationKind: null,
      content: CONTENT[analysis.content],
      cause: CAUSE[analysis.content],
      motive: analysis.motive,
    },
    majorBecause,
  };
}
