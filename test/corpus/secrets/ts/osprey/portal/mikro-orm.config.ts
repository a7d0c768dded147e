import { defineConfig } from '@mikro-orm/postgresql';
import { Invoice, PortCall, ShippingLine } from './entities';

export default defineConfig({
  entities: [Invoice, PortCall, ShippingLine],
  dbName: 'billing',
  host: 'billing-db.osprey.internal',
  user: 'mikro',
  password: process.env.BILLING_DB_PASSWORD,
  debug: false,
});
