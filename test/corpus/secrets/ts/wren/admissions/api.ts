import { createClient } from "@supabase/supabase-js";
import { createTRPCProxyClient, httpBatchLink } from "@trpc/client";
import ky from "ky";
import type { PortalRouter } from "../server/router";

const SUPABASE_URL = "https://xyzwrenapplyportal.supabase.co";

// Server-side only: the service role bypasses row level security for the document review queue.
export const supabaseAdmin = createClient(
  SUPABASE_URL,
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJ3cmVuLWNhcmQtYXBpIiwic3ViIjoiYWx1bW5pLWdpdmluZyIsImF1ZCI6ImNhbnZhcy1icmlkZ2UiLCJpYXQiOjE3OTc5MjExNjEsImV4cCI6MTgyOTQ1NzE2MSwic2NvcGUiOiJlbnJvbGxtZW50czp3cml0ZSJ9.mP7ZiofarvaNrjwksx_gW34xdYFv79tNUAoMSq2OuR8",
  { auth: { persistSession: false } },
);

export const portal = createTRPCProxyClient<PortalRouter>({
  links: [
    httpBatchLink({
      url: "https://apply.wren.edu/api/trpc",
      headers: () => ({ "x-portal-service-key": "Uj20a2f0ZzRnsGw901V1Z7OqJO2FeWjdHkaJlf25" }),
    }),
  ],
});

export const qualtrics = ky.create({
  prefixUrl: "https://wren.iad1.qualtrics.com/API/v3",
  headers: { "X-API-TOKEN": "TQpPxDd1Sv4esENOd3rXcZlnyHg9OJ727dPVSMuv" },
});
