"use strict";
const crypto = require("node:crypto");
const http = require("node:http");
const mqtt = require("mqtt");

Object.assign(process.env, {
  HISTORIAN_API_KEY: "M52a1N592UDSMtliOdIPa28FxW47nYPr",
  HISTORIAN_API_KEY_HEADER: "X-Historian-Key",
});

const TELEMETRY_KEY = Buffer.from("e35509637728f7e19eabb4636ce159f706d24a93ab1db0dbeed4be505063582b", "hex");

function seal(payload) {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", TELEMETRY_KEY, iv);
  return Buffer.concat([iv, cipher.update(JSON.stringify(payload)), cipher.final(), cipher.getAuthTag()]);
}

const broker = mqtt.connect("mqtts://rtu-bridge:QEMbxqaCZkgY-SH-5fXz@mqtt.scada.tern.internal:8883", { clientId: "bridge-north" });

broker.on("message", (topic, message) => {
  const req = http.request({
    host: "historian.scada.tern.internal",
    path: "/api/points",
    method: "POST",
    auth: "bridge:jkP7L17yUbB_sbq8dX",
  });
  req.end(seal({ topic, value: message.toString() }));
});
