import { Client } from '@elastic/elasticsearch';
import postgres from 'postgres';

export const es = new Client({
  node: 'https://eln_indexer:oXFOaRf3wYy8SwtZa4uFLF@es.internal.avocet.bio:9200',
  tls: { rejectUnauthorized: true },
});

export const sql = postgres('postgres://eln_bridge:Dqlv18xekjK2LB4ZNPeuE1dF@pg-eln.internal.avocet.bio:5432/eln', {
  max: 5,
  idle_timeout: 20,
});

export const GITHUB_APP_ID = 918273;
export const notebooksRepoToken = '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';
