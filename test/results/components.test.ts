/**
 * The result components rendered to HTML (react-dom/server) for real engine
 * results: the test contract (data-testid, data-status, data-sql,
 * data-phase, verdict, alert, console) and that user strings are escaped.
 */
import { describe, expect, it } from 'vitest';
import { ModeColumn } from '../../src/components/results/ModeColumn';
import { QueryLog } from '../../src/components/results/QueryLog';
import { ResultsView } from '../../src/components/results/ResultsView';
import { RowsView } from '../../src/components/results/RowsView';
import { SchemaView } from '../../src/components/results/SchemaView';
import { SummaryStrip } from '../../src/components/results/SummaryStrip';
import { parseScenario, type Mode } from '../../src/engine/scenario';
import { modeVerdict } from '../../src/results/verdict';
import { runOnEngine } from '../support/engines';
import { fixtureMode, fixtureResult } from './fixture-results';
import { attributeValues, render, textOf } from './html';

describe('ModeColumn', () => {
  for (const name of ['seed-add-column', 'cascade-parent-altered', 'unique-over-duplicates', 'match-guard-blocks']) {
    it(`${name}: every mode keeps the test contract`, async () => {
      const result = await fixtureResult(name);
      for (const mode of result.modes) {
        const html = render(ModeColumn, { mode: mode.mode, result: mode, baseline: result.baseline, dialect: 'sqlite', pretty: false });
        expect(html).toContain(`data-testid="mode-${mode.mode}"`);
        expect(attributeValues(html, 'data-status')).toEqual(['done']);
        expect(attributeValues(html, 'data-sql')).toEqual(mode.log.map((e) => e.sql));
        expect(attributeValues(html, 'data-phase')).toEqual(mode.log.map((e) => e.phase));
        // Statements are the only list items: tools read `li` as statements.
        expect(html.match(/<li[\s>]/g)?.length ?? 0).toBe(mode.log.length);
        expect(textOf(html, 'data-testid="verdict"')).toBe(modeVerdict(mode, result.baseline.tables).text);
        expect(textOf(html, 'class="mcol-call"')).toBe(mode.call);
        const error = mode.error;
        expect(textOf(html, 'role="alert"')).toBe(error ? `${error.phase}: ${error.name}: ${error.message}` : null);
        expect(textOf(html, 'data-testid="console"')).toBe(mode.console.length > 0 ? mode.console.join('\n') : null);
      }
    });
  }

  it('pretty-printed statements keep the exact SQL in data-sql', async () => {
    const { result, mode } = await fixtureMode('seed-add-column', 'alter');
    const html = render(ModeColumn, { mode: 'alter', result: mode, baseline: result.baseline, dialect: 'sqlite', pretty: true });
    expect(attributeValues(html, 'data-sql')).toEqual(mode.log.map((e) => e.sql));
    expect(html).toContain('qlog-sql--pretty');
  });

  it('marks destructive statements with a labelled icon and explains each kind in its title', async () => {
    const { mode } = await fixtureMode('seed-add-column', 'force');
    const html = render(QueryLog, { log: mode.log, dialect: 'sqlite', pretty: false });
    const destructive = mode.log.filter((e) => e.destructive).length;
    expect(destructive).toBeGreaterThan(0);
    expect(html.split('aria-label="Destructive: can delete data"').length - 1).toBe(destructive);
    expect(attributeValues(html, 'title').some((t) => t.includes('Sequelize reads the current schema'))).toBe(true);
    // Highlighted as spans, never as sql-highlight's own HTML.
    expect(html).toContain('class="sqltext-keyword"');
    expect(html).not.toContain('sql-hl-');
  });

  it('while running: status running, an accessible message, no verdict', () => {
    const html = render(ModeColumn, { mode: 'alter', result: null, baseline: null, dialect: 'sqlite', pretty: false });
    expect(attributeValues(html, 'data-status')).toEqual(['running']);
    expect(textOf(html, 'role="status"')).toBe('Running sequelize.sync({ alter: true })…');
    expect(html).not.toContain('data-testid="verdict"');
  });

  it('while running with a previous result: still running, the old result dimmed and inert', async () => {
    const { result, mode } = await fixtureMode('seed-add-column', 'alter');
    const html = render(ModeColumn, { mode: 'alter', result: null, stale: mode, baseline: result.baseline, dialect: 'sqlite', pretty: false });
    expect(attributeValues(html, 'data-status')).toEqual(['running']);
    expect(html).toContain('mcol-stale');
    expect(html).toMatch(/<div class="mcol-body mcol-stale" inert="">/);
  });
});

describe('SchemaView, RowsView, SummaryStrip and ResultsView', () => {
  it('schema and rows of the cascade: Books lost its rows, Authors gained bio', async () => {
    const { result, mode } = await fixtureMode('cascade-parent-altered', 'alter');
    const schema = render(SchemaView, { tables: mode.tables, baseline: result.baseline.tables, loss: mode.loss });
    expect(schema).toMatch(/schema-col--added[^]*?bio/);
    const rows = render(RowsView, { tables: mode.tables, baseline: result.baseline.tables, loss: mode.loss });
    expect(rows.match(/rows-row--lost/g)?.length).toBe(3);
    expect(textOf(rows, 'aria-label="Rows of Authors"')).toContain('1 column added · 2 rows after');
    expect(textOf(rows, 'aria-label="Rows of Books"')).toContain('3 lost · 0 rows after');
  });

  it('a leftover backup table is labelled', async () => {
    const { result, mode } = await fixtureMode('unique-over-duplicates', 'alter');
    const schema = render(SchemaView, { tables: mode.tables, baseline: result.baseline.tables, loss: mode.loss });
    expect(schema).toMatch(/Subscribers_backup<\/span><span class="chg-badge chg-badge--leftover"[^>]*>leftover</);
  });

  it('the summary is a table with a caption, one column per mode, numbers in words', async () => {
    const result = await fixtureResult('seed-add-column');
    const html = render(SummaryStrip, { result, modes: ['sync', 'force', 'alter', 'drop'], running: false });
    expect(html).toMatch(/^<table[^>]*><caption/);
    expect(html.match(/<th scope="col"/g)?.length).toBe(4);
    expect(html).toContain('2 lost');
    expect(html).toContain('SequelizeDatabaseError in after');
  });

  it('ResultsView shows finished modes of a run in progress and the others running', async () => {
    const result = await fixtureResult('seed-add-column');
    const force = result.modes.find((m) => m.mode === 'force');
    const html = render(ResultsView, {
      modes: ['sync', 'force'],
      result: null,
      partial: { baseline: result.baseline, modes: force ? { force } : {} },
      running: true,
      busy: true,
      pretty: false,
    });
    expect(html).toMatch(/data-testid="mode-sync" data-status="running"/);
    expect(html).toMatch(/data-testid="mode-force" data-status="done"/);
    expect(html).toContain('data-testid="baseline"');
  });

  it('a re-run that just started shows the previous results undimmed; once slow, dimmed with a spinner', async () => {
    const result = await fixtureResult('seed-add-column');
    const props = { modes: ['sync', 'alter'] as Mode[], result, partial: { baseline: null, modes: {} }, running: true, pretty: false };
    const quiet = render(ResultsView, { ...props, busy: false });
    expect(quiet).toMatch(/data-testid="mode-alter" data-status="running"/);
    expect(quiet).not.toContain('mcol-stale');
    expect(quiet).not.toContain('running…');
    expect(quiet).toContain('data-testid="baseline"');
    expect(quiet).toContain('2 kept');
    const slow = render(ResultsView, { ...props, busy: true });
    expect(slow).toMatch(/data-testid="mode-alter" data-status="running"/);
    expect(slow).toContain('mcol-stale');
    expect(slow).toContain('running…');
  });
});

describe('user strings are text, never markup', () => {
  it('a table, column, value, console line and error made of HTML render escaped', async () => {
    const scenario = parseScenario({
      format: 'sync-playground/scenario@1',
      setup: [
        "const T = sequelize.define('X', { name: DataTypes.STRING, '<i>col</i>': DataTypes.STRING }, { tableName: '<img src=x onerror=alert(1)>' });",
        'await sequelize.sync();',
        "await T.create({ name: '<script>alert(1)</script>', '<i>col</i>': '\"q\" & <b>' });",
      ].join('\n'),
      models: "sequelize.define('X', { name: DataTypes.STRING, extra: DataTypes.STRING }, { tableName: '<img src=x onerror=alert(1)>' });",
      after: "console.log('<script>alert(2)</script>');\nthrow new Error('<img src=y onerror=alert(3)>');",
      modes: ['alter'],
    });
    const result = await runOnEngine(scenario);
    const mode = result.modes[0];
    if (!mode) throw new Error('no mode');
    expect(Object.keys(mode.tables)).toContain('<img src=x onerror=alert(1)>');
    const pages = [
      render(ModeColumn, { mode: 'alter', result: mode, baseline: result.baseline, dialect: 'sqlite', pretty: false }),
      render(ModeColumn, { mode: 'alter', result: mode, baseline: result.baseline, dialect: 'sqlite', pretty: true }),
      render(SchemaView, { tables: mode.tables, baseline: result.baseline.tables, loss: mode.loss }),
      render(RowsView, { tables: mode.tables, baseline: result.baseline.tables, loss: mode.loss }),
      render(RowsView, { tables: result.baseline.tables, baseline: null }),
      render(ResultsView, { modes: ['alter'], result, partial: { baseline: null, modes: {} }, running: false, busy: false, pretty: false }),
    ];
    for (const html of pages) {
      expect(html).not.toMatch(/<(img|script|i|b)[\s>]/);
    }
    expect(pages[0]).toContain('&lt;img src=y onerror=alert(3)&gt;');
    expect(pages[0]).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(pages[2]).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(pages[3]).toContain('&lt;i&gt;col&lt;/i&gt;');
    expect(pages[4]).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
