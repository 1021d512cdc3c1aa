import json, os, shutil, sys, glob
repo = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
out = sys.argv[1]
d = json.load(open(os.path.join(repo, 'import.json')))
ids = {c['id']: i for i, c in enumerate(d['cases'])}
n = 0
for f in sorted(glob.glob(os.path.join(out, '*-cases.json'))):
    for c in json.load(open(f)):
        if c['id'] in ids:
            d['cases'][ids[c['id']]] = c
        else:
            ids[c['id']] = len(d['cases']); d['cases'].append(c)
        n += 1
for f in glob.glob(os.path.join(out, 'files', '*')):
    shutil.copy(f, os.path.join(repo, 'files'))
with open(os.path.join(repo, 'import.json'), 'w') as fh:
    json.dump(d, fh, indent=1)
    fh.write('\n')
print(n, 'cases merged;', len(d['cases']), 'in all')
