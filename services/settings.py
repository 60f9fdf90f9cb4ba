"""dondoc's settings, read once from the environment (DONDOC_*) or a .env file, then passed down."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DONDOC_", env_file=".env", extra="ignore")

    data_dir: Path = Field(default=Path("data"), description="Where SQLite, feeds, mail and archives live.")
    database_url: str | None = Field(default=None, description="SQLAlchemy URL; SQLite in data_dir if unset.")
    units_file: Path | None = Field(default=None, description="The unit registry YAML loaded with plans.")
    timezone: str = "Asia/Ho_Chi_Minh"
    reminder_horizon_days: int = Field(default=5, description="Working days before due that count as soon.")
    public_base_url: str = Field(default="http://127.0.0.1:8765", description="Base of links in mail/feeds.")
    prefect_ui_url: str = "http://127.0.0.1:4200"
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 8025
    smtp_security: str = Field(default="none", description="none | starttls | ssl")
    smtp_user: str | None = None
    smtp_password: SecretStr | None = None
    mail_from: str = "dondoc <dondoc@localhost>"
    smtp_timeout: float = Field(default=30.0, description="Seconds before an SMTP command gives up.")
    notification_policy: Path | None = Field(
        default=None, description="Reminder/escalation policy YAML; the packaged default if unset."
    )
    mail_templates_dir: Path | None = Field(
        default=None, description="A folder whose templates override the packaged mail templates."
    )
    mail_max_attempts: int = Field(default=8, description="Transient SMTP failures before a mail fails.")
    mail_retry_seconds: int = Field(default=300, description="First retry delay; doubles per attempt.")
    mail_lease_seconds: int = Field(default=900, description="How long a sweep owns the mail it claimed.")

    @property
    def mail_dir(self) -> Path:
        """Where the local SMTP sink and `--dry-run` put .eml files."""
        return self.data_dir / "mail"

    @property
    def database(self) -> str:
        return self.database_url or f"sqlite:///{(self.data_dir / 'dondoc.sqlite3').resolve()}"
