/** Errors in user code name the phase and point at the user's own line. */
import { describe, expect, it } from 'vitest';
import { runOnEngine } from '../support/engines';

const scenario = (fields: Record<string, string>) => ({ format: 'sync-playground/scenario@1' as const, models: '', ...fields });

describe('errors in user code', () => {
  it('a syntax error in TypeScript models fails every mode in phase models, at its line and column', async () => {
    const result = await runOnEngine(
      scenario({ models: "const User = sequelize.define('User', {\n  name: DataTypes.STRING as string,\n});\nconst = 1;" }),
    );
    expect(result.baseline.error).toBeNull();
    for (const mode of result.modes) {
      expect(mode.error).toMatchObject({ phase: 'models', name: 'SyntaxError', location: { field: 'models', line: 4, column: 7 } });
      expect(mode.error?.message).toMatch(/line 4, column 7/);
      expect(mode.log).toEqual([]);
    }
  });

  it('a runtime error points at the line that threw, in setup and in after', async () => {
    const result = await runOnEngine(
      scenario({ setup: "const a = 1;\n\nnull.boom;", after: "// one\n// two\nawait sequelize.query('SELEC 1');" }),
    );
    expect(result.baseline.error).toMatchObject({ phase: 'setup', name: 'TypeError', location: { field: 'setup', line: 3 } });
  });

  it('an error thrown by a hook defined in models, while Sequelize runs the operation, points at models', async () => {
    const result = await runOnEngine(
      scenario({
        models: "const User = sequelize.define('User', { name: DataTypes.STRING });\nUser.beforeSync(() => {\n  throw new RangeError('no sync today');\n});",
      }),
    );
    const sync = result.modes.find((m) => m.mode === 'sync');
    expect(sync?.error).toMatchObject({ phase: 'operation', name: 'RangeError', message: 'no sync today', location: { field: 'models', line: 3 } });
  });
});
