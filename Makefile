# The two commands of the README. Both install what is missing first.
.PHONY: serve test bench bench-browser
serve:
	bash scripts/serve.sh
test:
	bash scripts/test.sh
bench:
	bash -c '. scripts/setup.sh && cargo bench -p engine'
bench-browser:
	bash scripts/bench-browser.sh
