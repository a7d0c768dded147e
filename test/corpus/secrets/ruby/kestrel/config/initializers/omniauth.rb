# frozen_string_literal: true

Rails.application.config.middleware.use OmniAuth::Builder do
  provider :google_oauth2,
           '884412093311-7f2k1q9d8s0v3b6n4m5c1x7z2l9p0o8i.apps.googleusercontent.com',
           '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',
           scope: 'email,profile'
  provider :twitch, ENV['TWITCH_CLIENT_ID'], ENV['TWITCH_CLIENT_SECRET']
  provider :openid_connect,
           issuer: 'https://id.kestrel.tv',
           client_options: {
             identifier: 'kestrel-web',
             secret: 'rD92P8T4n5spxkHcVUzNTjTb0CoXvjWf1WLGeCWi',
             redirect_uri: 'https://www.kestrel.tv/auth/oidc/callback'
           }
end

OmniAuth.config.allowed_request_methods = %i[post]
