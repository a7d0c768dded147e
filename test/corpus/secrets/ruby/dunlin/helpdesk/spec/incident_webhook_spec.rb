# frozen_string_literal: true

require "rails_helper"

RSpec.describe "POST /webhooks/incidents", type: :request do
  let(:token) { "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtenJlOW5xc3UiLCJpc3MiOiJodHRwczovL3Nzby5kdW5saW4ubmV0IiwiYXVkIjoic2VsZmNhcmUtYXBpIiwiaWF0IjoxODAwMDI4MjU5LCJleHAiOjE4MzE1NjQyNTksInNjb3BlIjoicHJvdmlzaW9uaW5nOndyaXRlIn0.klFMfnuwf0vISes54tbSJ6RWO7jLAQdF5LYqLIkaZLY" }
  let(:expired_token) { "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiAiY3BlLWpkb3g0MGV5IiwgImlhdCI6IDE3OTYwMDAwMDB9." }

  it "accepts a signed incident from the NOC" do
    post "/webhooks/incidents", params: { pop: "lds1" }, headers: { "Authorization" => "Bearer #{token}" }
    expect(response).to have_http_status(:accepted)
  end

  it "rejects an unsigned token" do
    post "/webhooks/incidents", params: { pop: "lds1" }, headers: { "Authorization" => "Bearer #{expired_token}" }
    expect(response).to have_http_status(:unauthorized)
  end
end
