import { describe, expect, it } from 'vitest';
import { openScenarioFile, readScenarioFile, scenarioFileName, scenarioFileText } from '../../src/share/scenario-file';
import { loadFixture } from '../support/fixtures';

const { scenario } = loadFixture('seed-add-column');

function file(name: string, text: string, type = 'application/json') {
  return { name, type, size: text.length, text: () => Promise.resolve(text) };
}

describe('scenario files', () => {
  it('writes pretty JSON that reads back to the same scenario', () => {
    const text = scenarioFileText(scenario);
    expect(text).toContain('\n  "format": "sync-playground/scenario@1"');
    expect(readScenarioFile('a.json', text)).toEqual({ ok: true, scenario });
  });

  it('names the file from the title', () => {
    expect(scenarioFileName({ ...scenario, title: 'Add a column: née "x"!' })).toBe('add-a-column-nee-x.json');
    expect(scenarioFileName({ ...scenario, title: '', models: '' })).toBe('untitled-scenario.json');
    expect(scenarioFileName({ ...scenario, title: '***' })).toBe('scenario.json');
  });

  it('says what is wrong with an invalid file, naming it', async () => {
    expect(readScenarioFile('bad.json', '{')).toMatchObject({ ok: false, message: expect.stringMatching(/^bad\.json: Not valid JSON/) });
    expect(await openScenarioFile(file('old.json', JSON.stringify({ ...scenario, format: 'other' })))).toMatchObject({
      ok: false,
      message: expect.stringContaining('format: must be exactly'),
    });
    expect(await openScenarioFile(file('notes.txt', '{}', 'text/plain'))).toEqual({ ok: false, message: 'notes.txt: not a .json file' });
  });

  it('opens a valid file', async () => {
    expect(await openScenarioFile(file('s.json', scenarioFileText(scenario), ''))).toEqual({ ok: true, scenario });
  });
});
