"""dondoc's own HTTP server: calendar feeds, unit pages and chart images, on Starlette/uvicorn."""
