const { Sequelize } = require('sequelize');
const IORedis = require('ioredis');
const { Queue } = require('bullmq');
const mongoose = require('mongoose');

// Legacy MySQL schema of the berth planner, read-only from the portal.
const berthPlanner = new Sequelize('berth_planner', 'portal_ro', 'W5e1vyiUeVNRyIw.-~xB', {
  host: 'mysql-berths.osprey.internal',
  dialect: 'mysql',
  logging: false,
});

const cache = new IORedis({
  host: 'redis.osprey.internal',
  port: 6379,
  password: process.env.REDIS_PASSWORD,
  keyPrefix: 'portal:',
});

const invoiceQueue = new Queue('invoices', {
  connection: new IORedis('rediss://default:eaU73Ye7Gj~RCk1AVmQLZde3qE@queue.osprey.internal:6380', { maxRetriesPerRequest: null }),
});

// AIS history (replica set, authenticated against admin)
const aisHistory = mongoose.createConnection(
  'mongodb://ais_rw:xFJ.5RWUaR7LO7g95RxUHVUH@mongo-0.osprey.internal:27017,mongo-1.osprey.internal:27017/ais?replicaSet=rs0&authSource=admin',
);

module.exports = { berthPlanner, cache, invoiceQueue, aisHistory };
