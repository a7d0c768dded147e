const hesApiKey = process.env.TERN_HES_API_KEY!;
const stripeSecret = process.env["STRIPE_SECRET_KEY"] ?? "";
const mapbox = import.meta.env.VITE_MAPBOX_TOKEN;
const denoToken = Deno.env.get("HES_TOKEN");
export const config = { hesApiKey, stripeSecret, mapbox, denoToken, password: process.env.DB_PASSWORD };
