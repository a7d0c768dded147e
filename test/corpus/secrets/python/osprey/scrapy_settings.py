import os

BOT_NAME = "osprey_schedules"
SPIDER_MODULES = ["osprey_schedules.spiders"]
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.5

ZYTE_API_KEY = os.environ["ZYTE_API_KEY"]
ZYTE_API_TRANSPARENT_MODE = True

# carrier schedules are fetched through the office proxy
HTTPPROXY_ENABLED = True
OSPREY_PROXY = "http://scraper:JgJngdh5JxpP-zQbC67U@proxy.osprey.internal:3128"

FEEDS = {
    "s3://osprey-schedules/%(name)s/%(time)s.jsonl": {"format": "jsonlines"},
}
AWS_ACCESS_KEY_ID = None
AWS_SECRET_ACCESS_KEY = None
