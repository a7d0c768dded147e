namespace :outages do
  desc "Import the legacy outage log from the old GIS server"
  task import_legacy: :environment do
    config = YAML.safe_load(<<~YAML)
      host: legacy-gis.tern.internal
      database: outage_log
      username: outage_import
      password: J*eE?Zc6vBrk6wEZ7O
    YAML
    LegacyOutageImporter.new(**config.symbolize_keys).run
  end
end
