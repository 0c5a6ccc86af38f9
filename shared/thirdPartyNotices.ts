/**
 * The openly licensed corpora the guidance model was trained on (scripts/guidanceTrain.ts). CC BY 4.0
 * asks for attribution wherever the model ships, Apache-2.0 for its notice: shown in Settings and
 * written in NOTICE (a test keeps the two in step).
 */
export interface TrainingCorpusNotice {
  name: string;
  licence: 'CC BY 4.0' | 'Apache-2.0';
  citation: string;
  source: string;
}

export const TRAINING_CORPORA: readonly TrainingCorpusNotice[] = [
  {
    name: 'BRIGHTER / SemEval-2025 Task 11',
    licence: 'CC BY 4.0',
    citation: 'Muhammad et al. 2025, "BRIGHTER: BRIdging the Gap in Human-Annotated Textual Emotion Recognition Datasets for 28 Languages"; Muhammad et al. 2025, "SemEval-2025 Task 11: Bridging the Gap in Text-Based Emotion Detection"',
    source: 'github.com/emotion-analysis-project/SemEval2025-Task11',
  },
  { name: 'CPED', licence: 'Apache-2.0', citation: 'Chen et al. 2022, "CPED: A Large-Scale Chinese Personalized and Emotional Dialogue Dataset", arXiv 2205.14727', source: 'github.com/scutcyr/CPED' },
  { name: 'XED', licence: 'CC BY 4.0', citation: 'Öhman et al. 2020, "XED: A Multilingual Dataset for Sentiment Analysis and Emotion Detection"', source: 'github.com/Helsinki-NLP/XED' },
  { name: 'COLD', licence: 'Apache-2.0', citation: 'Deng et al. 2022, "COLD: A Benchmark for Chinese Offensive Language Detection", EMNLP', source: 'github.com/thu-coai/COLDataset' },
  { name: 'GoEmotions', licence: 'CC BY 4.0', citation: 'Demszky et al. 2020, "GoEmotions: A Dataset of Fine-Grained Emotions"', source: 'github.com/monologg/GoEmotions-pytorch' },
  { name: 'BANKING77', licence: 'CC BY 4.0', citation: 'Casanueva et al. 2020, "Efficient Intent Detection with Dual Sentence Encoders"', source: 'github.com/PolyAI-LDN/task-specific-datasets' },
];
