/** Which data and which program a link is about: `dataset=demo|user|user2…user4` and `program=<id>`. */
import { checkText, textProblem, type UrlSection } from './section';
import { DATASET_KEYS, type UrlDataset } from './types';

const DATASET_WORDS = `'demo', 'user', 'user2', 'user3' or 'user4'`;

/** The loaded dataset the view refers to (never the data itself). */
export const datasetSection: UrlSection = {
  scalarKeys: ['dataset'],
  encode(state, params) {
    if (state.dataset === 'demo') return;
    if (!DATASET_KEYS.includes(state.dataset))
      throw new TypeError(`dataset must be ${DATASET_WORDS}, got ${state.dataset}`);
    params.set('dataset', state.dataset);
  },
  decode({ single, reject }, state) {
    const dataset = single.get('dataset');
    if (dataset === undefined) return;
    if (DATASET_KEYS.includes(dataset as UrlDataset)) state.dataset = dataset as UrlDataset;
    else reject('dataset', dataset, `dataset must be ${DATASET_WORDS}`);
  },
};

/** The selected program. */
export const programSection: UrlSection = {
  scalarKeys: ['program'],
  encode(state, params) {
    if (state.program === null) return;
    checkText(state.program, 'program id');
    params.set('program', state.program);
  },
  decode({ single, reject }, state) {
    const program = single.get('program');
    if (program === undefined) return;
    const problem = textProblem(program, 'a program id');
    if (problem) reject('program', program, problem);
    else state.program = program;
  },
};
