const { createServer } = require('node:http');
const { Server } = require('socket.io');
const { instrument } = require('@socket.io/admin-ui');

const httpServer = createServer();
const io = new Server(httpServer, { cors: { origin: ['https://admin.socket.io'], credentials: true } });

instrument(io, {
  auth: {
    type: 'basic',
    username: 'harbour-admin',
    password: process.env.SOCKET_ADMIN_PASSWORD_HASH, // bcrypt hash
  },
  mode: process.env.NODE_ENV === 'production' ? 'production' : 'development',
});

httpServer.listen(3030);
