/**
 * A person who clones only this repository finds everything the README
 * points to: every relative link resolves to a file inside it (and to a
 * heading there when it names one), the README never climbs out with "../",
 * and the workbook contract in docs/ names every tab and column the code has.
 */
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {dirname, join, relative, resolve, sep} from 'node:path';
import {TABS} from '../../src/domain/workbook';

const ROOT = resolve(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** Markdown links outside code: [text](target). */
function linksOf(markdown: string): string[] {
  const prose = markdown
    .replace(/```[\s\S]*?```/g, '')
    .replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map(m => m[1]);
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const m of markdown
    .replace(/```[\s\S]*?```/g, '')
    .matchAll(/^#{1,6}\s+(.+)$/gm))
    anchors.add(
      m[1]
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-'),
    );
  return anchors;
}

/** Where each relative link of `file` goes wrong; empty when all resolve inside the repository. */
function brokenLinks(file: string): string[] {
  const problems: string[] = [];
  for (const link of linksOf(read(file))) {
    if (/^[a-z][a-z+.-]*:/i.test(link)) continue; // https:, mailto:
    const [path, anchor] = link.split('#');
    const target = path ? resolve(ROOT, dirname(file), path) : join(ROOT, file);
    if (!target.startsWith(ROOT + sep)) {
      problems.push(`${link}: outside the repository`);
      continue;
    }
    if (!existsSync(target)) {
      problems.push(`${link}: no file ${relative(ROOT, target)}`);
      continue;
    }
    if (anchor && !anchorsOf(readFileSync(target, 'utf8')).has(anchor))
      problems.push(`${link}: no heading #${anchor}`);
  }
  return problems;
}

const DOCS = readdirSync(join(ROOT, 'docs'))
  .filter(f => f.endsWith('.md'))
  .map(f => `docs/${f}`);

describe('README and docs links', () => {
  it('the README links only inside the repository, never with ../', () => {
    const links = linksOf(read('README.md'));
    expect(links).toEqual(
      expect.arrayContaining(['docs/playbook.md', 'docs/workbook.md']),
    );
    expect(links.filter(l => l.includes('../'))).toEqual([]);
    expect(read('README.md')).not.toMatch(
      /\.\.\/shared|PLAYBOOK\.md|WORKBOOK\.md/,
    );
    expect(brokenLinks('README.md')).toEqual([]);
  });

  it.each(DOCS)(
    '%s links only to files and headings inside the repository',
    doc => {
      expect(brokenLinks(doc)).toEqual([]);
    },
  );

  it('finds a link that leaves the repository or misses its file or heading', () => {
    expect(
      linksOf('see [a](../x.md), `[b](../c)` and [d](docs/workbook.md#deals)'),
    ).toEqual(['../x.md', 'docs/workbook.md#deals']);
    expect(anchorsOf('## See it work: `npm start`\n### The 3–5 rule')).toEqual(
      new Set(['see-it-work-npm-start', 'the-35-rule']),
    );
  });

  it('the workbook contract in docs/ names every tab and column of the code', () => {
    const contract = read('docs/workbook.md');
    for (const tab of TABS) {
      expect(contract).toMatch(new RegExp(`^### ${tab.name}\\b`, 'm'));
      const section = contract.slice(contract.indexOf(`### ${tab.name}`));
      const next = section.indexOf('\n### ', 4);
      const table = next < 0 ? section : section.slice(0, next);
      for (const column of tab.columns)
        expect(table.includes(column.header)).toBe(true);
    }
  });
});
