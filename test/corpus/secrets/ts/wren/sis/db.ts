import { Kysely, PostgresDialect } from "kysely";
import { Pool } from "pg";
import type { SisDatabase } from "./schema";

export const db = new Kysely<SisDatabase>({
  dialect: new PostgresDialect({
    pool: new Pool({
      connectionString: process.env.SIS_DATABASE_URL ?? "postgres://sis_app:3F3x5S6kQT4hypm-mR~R@sis-db.wren.internal:5432/sis",
      max: 10,
    }),
  }),
});
