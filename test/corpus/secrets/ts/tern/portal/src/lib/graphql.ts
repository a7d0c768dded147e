import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client";

// Server-side client for the Hasura instance behind the customer portal.
export const adminClient = new ApolloClient({
  cache: new InMemoryCache(),
  link: new HttpLink({
    uri: "https://hasura.portal.tern.internal/v1/graphql",
    headers: {
      "x-hasura-admin-secret": "hxgvI5CrXpYxeSEZs9a1d9SAxQcQ8rRQnFwatRVXcDYcNPDm",
      "x-hasura-role": "admin",
    },
  }),
});
