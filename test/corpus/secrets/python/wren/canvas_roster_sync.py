"""Nightly roster sync: SIS enrollments -> Canvas sections, Kaltura categories and the course Slack.

Run by cron on lms-jobs01 as the `lmssync` user.
"""
import logging

import globus_sdk
from canvasapi import Canvas
from KalturaClient import KalturaClient, KalturaConfiguration
from KalturaClient.Plugins.Core import KalturaSessionType
from openai import OpenAI
from slack_sdk.webhook import WebhookClient

log = logging.getLogger("roster_sync")

CANVAS_URL = "https://canvas.wren.edu"
KALTURA_PARTNER_ID = 1823641

canvas = Canvas(CANVAS_URL, "7773~l0Xd9zc3EZLH9VKWz1z1vjVBp3gl1NNrcJyASFjS3sKQKXYOLRGkcwQbQe840o9x")

transfer_client = globus_sdk.ConfidentialAppAuthClient(
    "6f1d2c1e-8c1b-4e0b-9e43-2b7f5a0c3d11",
    "4K27ln+TShPgYYhPwsNFp8TLffG++S1CNP7qrePrNRw=",
)

kaltura = KalturaClient(KalturaConfiguration(serviceUrl="https://video.wren.edu"))
kaltura.setKs(
    kaltura.session.start("78fe3ef730a0a5ee368ccc11a1d3350f", "lmssync@wren.edu", KalturaSessionType.ADMIN, KALTURA_PARTNER_ID)
)

# Course descriptions are summarised through OpenRouter (cheaper models for the catalogue blurbs).
llm = OpenAI(base_url="https://openrouter.ai/api/v1", api_key="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")

announce = WebhookClient("https://hooks.slack.com/services/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")


def sync_section(course_id: int, sis_section_id: str, students: list[str]) -> None:
    course = canvas.get_course(course_id)
    section = course.get_section(f"sis_section_id:{sis_section_id}", use_sis_id=True)
    for login in students:
        course.enroll_user(f"sis_login_id:{login}", "StudentEnrollment", enrollment={"course_section_id": section.id})
    log.info("synced %s students into %s", len(students), sis_section_id)
    announce.send(text=f"Roster for {sis_section_id} synced ({len(students)} students)")
