/** What the benchmark runs in-process, bundled by bench/run.mjs with the same esbuild settings as the product. */
export { checkText } from '../server/src/engine';
export { loadBuiltinProfile } from '../server/src/profile';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** remark as PlanLint configures it (GFM, YAML front matter), parsing the whole text at once: the floor of a cold check. */
export const remark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
