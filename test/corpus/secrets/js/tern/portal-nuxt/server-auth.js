import passport from "passport";
import { Strategy as OIDCStrategy } from "passport-openidconnect";
import jsonwebtoken from "jsonwebtoken";

passport.use(
  "tern-sso",
  new OIDCStrategy(
    {
      issuer: "https://login.tern-energy.example/realms/customers",
      authorizationURL: "https://login.tern-energy.example/realms/customers/protocol/openid-connect/auth",
      tokenURL: "https://login.tern-energy.example/realms/customers/protocol/openid-connect/token",
      clientID: "customer-portal",
      clientSecret: "F9f6xocxfr6hBk2ZeAqONHodgifDuNqo",
      callbackURL: "https://my.tern-energy.example/auth/callback",
    },
    (issuer, profile, done) => done(null, profile),
  ),
);

export function readMoveHomeToken(token) {
  return jsonwebtoken.verify(token, "FSfCm~LL1xc!RpOXNKzXqH6nYlrF?BW9-SVJ", { algorithms: ["HS256"] });
}
