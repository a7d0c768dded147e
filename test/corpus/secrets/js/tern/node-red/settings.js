/**
 * Node-RED settings for the substation edge flows (Modbus/DNP3 -> MQTT).
 * Deployed by Ansible to /opt/node-red/settings.js on each edge box.
 */
module.exports = {
    uiPort: process.env.PORT || 1880,
    flowFile: "flows.json",
    // Encrypts the credentials file that sits beside flows.json.
    credentialSecret: "hUtW6mQKAhQ0qxJLz92haN8ioWytSDZSRCqZxOlh",
    adminAuth: {
        type: "credentials",
        users: [
            {
                username: "edge-admin",
                password: "$2b$12$qK5WikmqYd2VkCzABZVgYOinGFspw.Nlxhn6kXTRchZvK8jGqHHEx",
                permissions: "*",
            },
        ],
    },
    httpNodeAuth: { user: "flows", pass: process.env.NODE_RED_HTTP_PASS },
    functionGlobalContext: {
        os: require("os"),
    },
    logging: { console: { level: "info", metrics: false, audit: false } },
};
