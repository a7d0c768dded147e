import { Shippo } from "shippo";

// Meter kits and replacement in-home displays are posted to customers.
export const shippo = new Shippo({
  apiKeyHeader: "ShippoToken shippo_live_870a239274a4e33a9830467aa679ddb0b4549cd9",
  shippoApiVersion: "2018-02-08",
});
