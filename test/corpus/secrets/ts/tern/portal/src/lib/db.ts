import { PrismaClient } from "@prisma/client";
import { S3Client } from "@aws-sdk/client-s3";
import sgMail from "@sendgrid/mail";

process.env.PORTAL_COOKIE_SECRET ??= "gQhXwL?RQBVzW9FlXD=4pGeVMH7+.tAn";

export const prisma = new PrismaClient({
  datasources: {
    db: { url: "postgresql://portal:1aVEYTtOOjvNIWM3jq.60Pr3@portal-db.tern.internal:5432/portal?schema=public" },
  },
});

export const billsBucket = new S3Client({
  region: "eu-west-2",
  credentials: {
    accessKeyId: "AKIANEF7ZAYTPEBPJNOF",
    secretAccessKey: "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",
  },
});

sgMail.setApiKey("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");

export const MAPBOX_PUBLIC_TOKEN = import.meta.env.VITE_MAPBOX_TOKEN as string;
