import { describe, expect, it } from 'vitest';
import { classifyStatements } from '../../src/engine/statement-classifier';

const kinds = (sqls: string[]) => classifyStatements(sqls).map((c) => `${c.kind}${c.destructive ? '!' : ''}`);

describe('statement classes', () => {
  it('tags what sync, force and drop run on SQLite', () => {
    expect(
      kinds([
        "SELECT name FROM sqlite_master WHERE type='table' AND name='IntegerNames';",
        'PRAGMA INDEX_LIST(`IntegerNames`)',
        'PRAGMA TABLE_INFO(`IntegerNames`);',
        'PRAGMA foreign_key_list(`IntegerNames`)',
        'PRAGMA foreign_keys = OFF',
        'DROP TABLE IF EXISTS `IntegerNames`;',
        'CREATE TABLE IF NOT EXISTS `IntegerNames` (`id` INTEGER PRIMARY KEY AUTOINCREMENT);',
        'CREATE UNIQUE INDEX `users_email` ON `Users` (`email`)',
        'ALTER TABLE `IntegerNames` ADD `nameEs` VARCHAR(255);',
        'INSERT INTO `IntegerNames` (`id`,`value`) VALUES (NULL,$1);',
        'UPDATE `IntegerNames` SET `value`=$1 WHERE `id` = $2',
        'DELETE FROM `IntegerNames` WHERE `id` = 1',
        'SELECT `id`, `value` FROM `IntegerNames` AS `IntegerNames`;',
        'BEGIN DEFERRED TRANSACTION;',
        'COMMIT;',
      ]),
    ).toEqual([
      'introspection',
      'introspection',
      'introspection',
      'introspection',
      'transaction',
      'drop!',
      'create',
      'create',
      'alter',
      'write',
      'write',
      'write!',
      'read',
      'transaction',
      'transaction',
    ]);
  });

  it("follows SQLite's table rebuild and marks the drop of the original as destructive", () => {
    expect(
      kinds([
        'CREATE TABLE IF NOT EXISTS `IntegerNames_backup` (`id` INTEGER PRIMARY KEY, `value` INTEGER);',
        'INSERT INTO `IntegerNames_backup` SELECT `id`, `value` FROM `IntegerNames`;',
        'DROP TABLE `IntegerNames`;',
        'CREATE TABLE IF NOT EXISTS `IntegerNames` (`id` INTEGER PRIMARY KEY, `value` INTEGER);',
        'INSERT INTO `IntegerNames` SELECT `id`, `value` FROM `IntegerNames_backup`;',
        'DROP TABLE `IntegerNames_backup`;',
        'DROP TABLE `Other`;',
      ]),
    ).toEqual(['rebuild', 'rebuild', 'rebuild!', 'rebuild', 'rebuild', 'rebuild', 'drop!']);
  });

  it('tags what alter runs on PostgreSQL', () => {
    expect(
      kinds([
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'IntegerNames'",
        'ALTER TABLE "public"."IntegerNames" ADD COLUMN "nameEs" VARCHAR(255);',
        'ALTER TABLE "IntegerNames" ALTER COLUMN "value" DROP NOT NULL;ALTER TABLE "IntegerNames" ALTER COLUMN "value" DROP DEFAULT;',
        'ALTER TABLE "public"."IntegerNames" DROP COLUMN "nameEs";',
        'DROP TYPE IF EXISTS "public"."enum_Users_role";',
        'TRUNCATE "Users" CASCADE',
        'START TRANSACTION;',
        `DO 'BEGIN CREATE TYPE "public"."enum_Pets_mood" AS ENUM(''happy'', ''sad''); EXCEPTION WHEN duplicate_object THEN null; END';`,
        `ALTER TYPE "public"."enum_Pets_mood" ADD VALUE IF NOT EXISTS 'sleepy' AFTER 'sad'`,
      ]),
    ).toEqual(['introspection', 'alter', 'alter', 'alter!', 'drop', 'write!', 'transaction', 'create', 'alter']);
  });
});
