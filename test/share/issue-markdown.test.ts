/** "Copy as issue" on real engine results: versions, link, code, calls, verdicts and the SQL each mode ran. */
import { describe, expect, it } from 'vitest';
import { fenced, ISSUE_BODY_LIMIT, issueMarkdown } from '../../src/share/issue-markdown';
import { runOnEngine } from '../support/engines';
import { loadFixture } from '../support/fixtures';

const LINK = 'https://example.test/#s=abc';

describe('issueMarkdown', () => {
  it('holds the versions, the link, the code and each mode with its call, verdict and SQL', async () => {
    const { scenario } = loadFixture('remove-column');
    const result = await runOnEngine(scenario);
    const { text, tooLong } = issueMarkdown(scenario, result, LINK);
    expect(tooLong).toBe(false);
    expect(text).toContain(`- Sequelize: ${result.sequelizeVersion}`);
    expect(text).toContain('- Dialect: sqlite');
    expect(text).toContain(LINK);
    expect(text).toContain('```js\n' + scenario.models.trimEnd() + '\n```');
    for (const mode of result.modes) {
      expect(text).toContain(`**${mode.mode}** \`${mode.call}\``);
      expect(text).toContain(`<details><summary>${mode.mode}: ${mode.log.length} statement`);
    }
    const alter = result.modes.find((m) => m.mode === 'alter');
    expect(alter).toBeDefined();
    const operation = alter?.log.filter((e) => e.phase === 'operation').map((e) => e.sql) ?? [];
    expect(operation.length).toBeGreaterThan(0);
    expect(text).toContain('```sql\n-- sequelize.sync({ alter: true })\n' + operation.join('\n') + '\n');
    expect(text).toContain("**alter** `sequelize.sync({ alter: true })`: column nickname dropped");
  });

  it('names the error of a failing mode', async () => {
    const { scenario } = loadFixture('add-not-null-column');
    const result = await runOnEngine(scenario);
    const failed = result.modes.find((m) => m.error);
    expect(failed).toBeDefined();
    const { text } = issueMarkdown(scenario, result, LINK);
    expect(text).toContain(`**${failed?.mode}**`);
    expect(text).toContain(`failed in phase ${failed?.error?.phase}: ${failed?.error?.name}`);
  });

  it('code holding ``` cannot break out of its fence', async () => {
    const base = loadFixture('seed-add-column').scenario;
    const scenario = { ...base, after: `${base.after ?? ''}\nconsole.log(\`\`\`a\`\`\`\`);` };
    const { text } = issueMarkdown(scenario, await runOnEngine(scenario), LINK);
    expect(text).toContain('`````js\n');
    expect(fenced('x ``` y', 'sql')).toBe('````sql\nx ``` y\n````');
  });

  it('without a result, lists the modes to run', () => {
    const { scenario } = loadFixture('seed-add-column');
    const { text } = issueMarkdown(scenario, null, LINK);
    expect(text).toContain('**alter** `sequelize.sync({ alter: true })`: not run yet');
    expect(text).not.toContain('```sql');
  });

  it('past GitHub’s limit, falls back to the link, versions and one line per mode', async () => {
    const base = loadFixture('seed-add-column').scenario;
    const scenario = { ...base, models: `${base.models}\n// ${'x'.repeat(ISSUE_BODY_LIMIT)}` };
    const result = await runOnEngine(scenario);
    const { text, tooLong } = issueMarkdown(scenario, result, LINK);
    expect(tooLong).toBe(true);
    expect(text.length).toBeLessThan(ISSUE_BODY_LIMIT);
    expect(text).toContain(LINK);
    expect(text).toContain(`- Sequelize: ${result.sequelizeVersion}`);
    expect(text).not.toContain('```');
    expect(text).toContain('**alter** `sequelize.sync({ alter: true })`');
  });

  it('error messages read as written: Markdown and HTML in them are escaped', async () => {
    const { scenario: base } = loadFixture('seed-add-column');
    const scenario = { ...base, after: "throw new Error('they _are_ <b>case</b> *sensitive*');", modes: ['alter' as const] };
    const { text } = issueMarkdown(scenario, await runOnEngine(scenario), LINK);
    expect(text).toContain('they \\_are\\_ &lt;b&gt;case&lt;/b&gt; \\*sensitive\\*');
  });

  it('a link too long for an issue is left out, pointing to the scenario file', async () => {
    const { scenario } = loadFixture('seed-add-column');
    const { text, tooLong } = issueMarkdown(scenario, await runOnEngine(scenario), `https://x.test/#s=${'a'.repeat(ISSUE_BODY_LIMIT)}`);
    expect(tooLong).toBe(true);
    expect(text.length).toBeLessThan(ISSUE_BODY_LIMIT);
    expect(text).toContain('Download .json');
  });
});
