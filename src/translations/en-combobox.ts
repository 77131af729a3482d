// English terms of the long-list combobox (<kyc-combobox>), which loads when first needed: the element
// imports this module, so its words load with it (see en.ts).
import { registerEnglishTerms, type TermFormat } from '../utilities/localize.js';

const terms = {
  noMatches: 'No matches',
  optionsAvailable: (count: number, f: TermFormat) =>
    count === 0 ? 'No results' : f.plural(count, { one: `${f.number(count)} result`, other: `${f.number(count)} results` }),
};

registerEnglishTerms(terms);

export default terms;
