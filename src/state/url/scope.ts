/** Which data and which program a link is about: `dataset=demo|user` and `program=<id>`. */
import { checkText, textProblem, type UrlSection } from './section';

/** The loaded dataset the view refers to (never the data itself). */
export const datasetSection: UrlSection = {
  scalarKeys: ['dataset'],
  encode(state, params) {
    if (state.dataset === 'demo') return;
    if (state.dataset !== 'user')
      throw new TypeError(`dataset must be 'demo' or 'user', got ${state.dataset}`);
    params.set('dataset', state.dataset);
  },
  decode({ single, reject }, state) {
    const dataset = single.get('dataset');
    if (dataset === undefined) return;
    if (dataset === 'demo' || dataset === 'user') state.dataset = dataset;
    else reject('dataset', dataset, "dataset must be 'demo' or 'user'");
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
